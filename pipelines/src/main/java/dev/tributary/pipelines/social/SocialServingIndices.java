package dev.tributary.pipelines.social;

import dev.tributary.io.ServingLayer;
import dev.tributary.io.WriteElasticsearch;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.social.SocialOutputs;
import dev.tributary.transforms.social.SocialView;
import java.util.Map;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * The serving layer's indices, which the batch and the speed layer share: one per view, {@code
 * views_<view>_<version>} (e.g. {@code views_top_posts_v1}), one document per key and window with
 * the id {@code key|windowStart} (rankings: {@code subreddit|windowStart|rank}).
 */
public final class SocialServingIndices {
  private SocialServingIndices() {}

  /** The index of the view written to {@code folder}: {@code views_subreddit_activity_v1}. */
  public static String indexOf(String folder, String version) {
    return "views_" + folder.replace('-', '_') + "_" + version;
  }

  /** Writes every view of {@code outputs} as {@code layer}; returns the refused documents. */
  public static PCollection<DeadLetter> write(
      SocialOutputs outputs, String url, String version, ServingLayer layer) {
    PCollectionList<DeadLetter> refused = PCollectionList.empty(outputs.activity().getPipeline());
    for (Map.Entry<String, PCollection<Row>> view : outputs.views().entrySet()) {
      String folder = view.getKey();
      refused =
          refused.and(
              view.getValue()
                  .apply(
                      "Serve " + folder,
                      WriteElasticsearch.<Row>to(
                              url,
                              indexOf(folder, version),
                              SocialView.idFields(folder).toArray(String[]::new))
                          .asLayer(layer)));
    }
    return refused.apply("Refused documents", Flatten.pCollections());
  }
}
