package dev.tributary.pipelines.social;

import dev.tributary.io.KafkaConnection;
import dev.tributary.io.ReadKafka;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.social.SocialKind;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;

/**
 * The three live topics ({@code reddit.posts}, {@code reddit.comments}, {@code reddit.users}) as
 * one collection of raw records, each with its topic in its source, which tells its kind.
 */
public class ReadSocialTopics extends PTransform<PBegin, PCollection<RawRecord>> {
  private final KafkaConnection kafka;
  private final String consumerGroup;
  private final Duration maxOutOfOrder;

  private ReadSocialTopics(KafkaConnection kafka, String consumerGroup, Duration maxOutOfOrder) {
    this.kafka = kafka;
    this.consumerGroup = consumerGroup;
    this.maxOutOfOrder = maxOutOfOrder;
  }

  /** Reads as {@code consumerGroup}; watermarks trail each partition by {@code maxOutOfOrder}. */
  public static ReadSocialTopics from(
      KafkaConnection kafka, String consumerGroup, Duration maxOutOfOrder) {
    return new ReadSocialTopics(kafka, consumerGroup, maxOutOfOrder);
  }

  @Override
  public PCollection<RawRecord> expand(PBegin begin) {
    PCollectionList<RawRecord> topics = PCollectionList.empty(begin.getPipeline());
    for (SocialKind kind : SocialKind.values()) {
      topics =
          topics.and(
              begin.apply(
                  "Read " + kind.topic(),
                  ReadKafka.from(kafka, kind.topic(), consumerGroup)
                      .withMaxOutOfOrder(maxOutOfOrder)));
    }
    return topics.apply("All topics", Flatten.pCollections());
  }
}
