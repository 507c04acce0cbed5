package dev.tributary.io;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.Unwindowed;
import org.apache.beam.sdk.io.elasticsearch.ElasticsearchIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ToJson;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Writes records that have a Beam schema to an Elasticsearch index (any version ElasticsearchIO
 * supports: 5 to 8) as JSON documents with deterministic ids, so that writing a record again (a
 * re-run, a later pane of the same window) overwrites its document and never duplicates it.
 * Documents Elasticsearch refuses come out as dead letters with its reason, instead of being
 * retried forever; they leave in the global window, like all dead letters. Index names carry a version suffix, e.g. {@code fraud_alerts_v1}.
 */
public class WriteElasticsearch<T> extends PTransform<PCollection<T>, PCollection<DeadLetter>> {
  private final String url;
  private final String index;
  private final ElasticsearchIO.Write.FieldValueExtractFn idOf;

  private WriteElasticsearch(String url, String index, ElasticsearchIO.Write.FieldValueExtractFn idOf) {
    this.url = url;
    this.index = index;
    this.idOf = idOf;
  }

  /** Writes to {@code index} at {@code url}; {@code idOf} gives a document's id from its JSON. */
  public static <T> WriteElasticsearch<T> to(String url, String index, ElasticsearchIO.Write.FieldValueExtractFn idOf) {
    return new WriteElasticsearch<>(url, index, idOf);
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<T> records) {
    PCollectionTuple written =
        records
            .apply("To JSON", ToJson.of())
            .apply(
                "Index into " + index,
                ElasticsearchIO.write()
                    .withConnectionConfiguration(ElasticsearchIO.ConnectionConfiguration.create(new String[] {url}, index))
                    .withIdFn(idOf)
                    .withThrowWriteErrors(false));
    String step = "write-" + index;
    String source = "elasticsearch:" + index;
    return written
        .get(ElasticsearchIO.Write.FAILED_WRITES)
        .apply(
            "Refused documents",
            MapElements.into(TypeDescriptor.of(DeadLetter.class))
                .via((ElasticsearchIO.Document doc) -> new DeadLetter(source, step, doc.getResponseItemJson(), doc.getInputDoc())))
        .apply("Unwindow", Unwindowed.of());
  }
}
