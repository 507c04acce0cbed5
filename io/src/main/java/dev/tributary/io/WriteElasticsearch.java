package dev.tributary.io;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.Text;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.Unwindowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.beam.sdk.io.elasticsearch.ElasticsearchIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Writes records that have a Beam schema to an Elasticsearch index (any version ElasticsearchIO
 * supports: 5 to 8) as JSON documents with deterministic ids, so that writing a record again (a
 * re-run, a later pane of the same window) overwrites its document and never duplicates it.
 * Documents Elasticsearch refuses come out as dead letters with its reason, instead of being
 * retried forever; they leave in the global window, like all dead letters. Index names carry a
 * version suffix, e.g. {@code fraud_alerts_v1}.
 *
 * <p>A document's id is the values of the id fields, joined by {@code |} (e.g. {@code key} and
 * {@code windowStart}: {@code acc-1|2026-03-01T10:00:00.000Z}). Each bulk entry is built in one
 * pass from the record, so no document is parsed back to find its id.
 *
 * <p>Elasticsearch refuses a whole bulk request when one id in it is over {@value #MAX_ID_BYTES}
 * bytes, so such a record is a dead letter before the write, as is a document over {@value
 * #MAX_DOCUMENT_BYTES} bytes; the refusals of single items in a bulk request come back per item,
 * and the other items of the request are written.
 *
 * <p>Transient failures are never dead letters. {@code url} may list several nodes of a cluster,
 * comma-separated: a request goes to one that answers. A request that cannot connect, times out or
 * is answered 5xx, or whose items are refused with 429 (too many requests), is sent again with
 * exponential back-off for up to {@link #RETRY_DURATION}; a document still refused with 429 or 5xx
 * after that (a shard with no live copy) fails the bundle, which the runner retries (Flink from its
 * last checkpoint): only a refusal of the document itself (a mapping conflict, a bad value) is a
 * dead letter.
 */
public class WriteElasticsearch<T> extends PTransform<PCollection<T>, PCollection<DeadLetter>> {
  /** Elasticsearch's limit on a document id, in UTF-8 bytes. */
  public static final int MAX_ID_BYTES = 512;

  /**
   * The largest document written, in bytes: a tenth of Elasticsearch's default limit on a request
   * ({@code http.max_content_length}, 100 MB), so that a request of several still passes.
   */
  public static final int MAX_DOCUMENT_BYTES = 10_000_000;

  /** How long a bulk request is retried while the cluster is unreachable or overloaded. */
  public static final org.joda.time.Duration RETRY_DURATION =
      org.joda.time.Duration.standardMinutes(3);

  private static final int RETRY_ATTEMPTS = 30;

  private final String url;
  private final String index;
  private final List<String> idFields;
  private final @Nullable ServingLayer layer;

  private WriteElasticsearch(
      String url, String index, List<String> idFields, @Nullable ServingLayer layer) {
    this.url = url;
    this.index = index;
    this.idFields = idFields;
    this.layer = layer;
  }

  /** Writes to {@code index} at {@code url}; a document's id is the values of {@code idFields}. */
  public static <T> WriteElasticsearch<T> to(String url, String index, String... idFields) {
    if (idFields.length == 0) {
      throw new IllegalArgumentException(
          "documents written to " + index + " need at least one id field");
    }
    return new WriteElasticsearch<>(url, index, List.of(idFields), null);
  }

  /**
   * Writes as one layer of a serving index shared by a batch and a speed layer: documents marked
   * with the layer, versioned so that the batch layer's stand (see {@link ServingLayer}). A write
   * refused because a batch-layer document stands is counted ({@code
   * serving.<index>.keptBatchDocument}), not a dead letter.
   */
  public WriteElasticsearch<T> asLayer(ServingLayer layer) {
    return new WriteElasticsearch<>(url, index, idFields, layer);
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<T> records) {
    Schema schema = records.getSchema();
    for (String field : idFields) {
      if (!schema.hasField(field)) {
        throw new IllegalArgumentException(
            "records written to " + index + " have no id field '" + field + "': " + schema);
      }
    }
    String step = "write-" + index;
    String source = "elasticsearch:" + index;
    TupleTag<ElasticsearchIO.Document> entries = new TupleTag<>() {};
    TupleTag<DeadLetter> unwritable = new TupleTag<>() {};
    PCollectionTuple bulkEntries =
        records.apply(
            "To bulk entries",
            ParDo.of(
                    new ToBulkEntryFn<>(
                        schema,
                        records.getToRowFunction(),
                        idFields,
                        layer,
                        index,
                        source,
                        step,
                        entries,
                        unwritable))
                .withOutputTags(entries, TupleTagList.of(unwritable)));
    PCollectionTuple written =
        bulkEntries
            .get(entries)
            .apply(
                "Index into " + index,
                ElasticsearchIO.bulkIO()
                    .withConnectionConfiguration(
                        ElasticsearchIO.ConnectionConfiguration.create(addresses(url), index))
                    .withRetryConfiguration(
                        ElasticsearchIO.RetryConfiguration.create(RETRY_ATTEMPTS, RETRY_DURATION))
                    .withThrowWriteErrors(false));
    PCollection<DeadLetter> refused =
        written
            .get(ElasticsearchIO.Write.FAILED_WRITES)
            .apply("Refused documents", ParDo.of(new RefusedFn(index, source, step)));
    return PCollectionList.of(refused)
        .and(bulkEntries.get(unwritable).setTypeDescriptor(TypeDescriptor.of(DeadLetter.class)))
        .apply("Unwritable and refused", Flatten.pCollections())
        .apply("Unwindow", Unwindowed.of());
  }

  /** The node addresses in {@code url}: one, or several separated by commas. */
  static String[] addresses(String url) {
    String[] addresses =
        java.util.Arrays.stream(url.split(","))
            .map(String::trim)
            .filter(a -> !a.isEmpty())
            .toArray(String[]::new);
    if (addresses.length == 0) {
      throw new IllegalArgumentException("no Elasticsearch address in '" + url + "'");
    }
    return addresses;
  }

  /**
   * Whether a bulk item's response is a transient refusal (429 too many requests, 5xx such as a
   * shard with no live copy), which writing again later succeeds, rather than a refusal of the
   * document.
   */
  static boolean isTransient(@Nullable String itemResponse) {
    if (itemResponse == null) {
      return false;
    }
    java.util.regex.Matcher status =
        java.util.regex.Pattern.compile("\"status\"\\s*:\\s*(\\d{3})").matcher(itemResponse);
    if (!status.find()) {
      return false;
    }
    int code = Integer.parseInt(status.group(1));
    return code == 429 || code >= 500;
  }

  /**
   * A document's id: the values of {@code idFields} in {@code row}, as text, joined by {@code |}.
   */
  static String documentId(Row row, List<String> idFields) {
    StringBuilder id = new StringBuilder();
    for (String field : idFields) {
      if (id.length() > 0) {
        id.append('|');
      }
      id.append((Object) row.getValue(field));
    }
    return id.toString();
  }

  /**
   * The bulk entry of one record: the index directive with the document's id, then the document,
   * each on its own line, as ElasticsearchIO's {@code DocToBulk} writes them for an id function.
   */
  static String bulkEntry(String id, String document) {
    return "{ \"index\" : {\"_id\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(id))
        + "\"} }\n"
        + document
        + "\n";
  }

  /** A bulk entry that Elasticsearch applies only if {@code version} is at least the stored one. */
  static String versionedBulkEntry(String id, long version, String document) {
    return "{ \"index\" : {\"_id\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(id))
        + "\",\"version\":"
        + version
        + ",\"version_type\":\"external_gte\"} }\n"
        + document
        + "\n";
  }

  /**
   * A refused document to a dead letter, unless it was refused because a newer version stands (the
   * batch layer's document, for a speed-layer write): that is counted.
   */
  private static class RefusedFn extends DoFn<ElasticsearchIO.Document, DeadLetter> {
    private final String source;
    private final String step;
    private final Counter keptBatchDocument;

    RefusedFn(String index, String source, String step) {
      this.source = source;
      this.step = step;
      this.keptBatchDocument =
          Metrics.counter(TributaryMetrics.NAMESPACE, "serving." + index + ".keptBatchDocument");
    }

    @ProcessElement
    public void process(@Element ElasticsearchIO.Document doc, OutputReceiver<DeadLetter> out) {
      String response = doc.getResponseItemJson();
      if (response != null && response.contains("version_conflict_engine_exception")) {
        keptBatchDocument.inc();
        return;
      }
      if (isTransient(response)) {
        throw new IllegalStateException(
            "Elasticsearch refused a document for a transient reason after "
                + RETRY_DURATION.getStandardSeconds()
                + " s of retries; failing the bundle so that it is written again: "
                + Text.quoted(response));
      }
      out.output(new DeadLetter(source, step, response, doc.getInputDoc()));
    }
  }

  /**
   * One record to its document and bulk entry, both from the record's row; a record Elasticsearch
   * cannot take to a dead letter.
   */
  private static class ToBulkEntryFn<T> extends DoFn<T, ElasticsearchIO.Document> {
    private final Schema schema;
    private final SerializableFunction<T, Row> toRow;
    private final List<String> idFields;
    private final @Nullable ServingLayer layer;
    private final Counter outsideRange;
    private final String source;
    private final String step;
    private final TupleTag<ElasticsearchIO.Document> entries;
    private final TupleTag<DeadLetter> unwritable;
    private transient ObjectMapper json;

    ToBulkEntryFn(
        Schema schema,
        SerializableFunction<T, Row> toRow,
        List<String> idFields,
        @Nullable ServingLayer layer,
        String index,
        String source,
        String step,
        TupleTag<ElasticsearchIO.Document> entries,
        TupleTag<DeadLetter> unwritable) {
      this.schema = schema;
      this.toRow = toRow;
      this.idFields = idFields;
      this.layer = layer;
      this.outsideRange =
          Metrics.counter(TributaryMetrics.NAMESPACE, "serving." + index + ".outsideRange");
      this.source = source;
      this.step = step;
      this.entries = entries;
      this.unwritable = unwritable;
    }

    @Setup
    public void setup() {
      json = RowJsonUtils.newObjectMapperWith(RowJson.RowJsonSerializer.forSchema(schema));
    }

    @ProcessElement
    public void process(@Element T record, @Timestamp Instant timestamp, MultiOutputReceiver out) {
      Row row = toRow.apply(record);
      if (layer != null && !layer.covers(row)) {
        outsideRange.inc();
        return;
      }
      String document = RowJsonUtils.rowToJson(json, withFractions(row));
      if (layer != null) {
        document = layer.marked(document, row);
      }
      String id = documentId(row, idFields);
      String problem = problem(id, document);
      if (problem != null) {
        out.get(unwritable).output(new DeadLetter(source, step, problem, document));
        return;
      }
      out.get(entries)
          .output(
              ElasticsearchIO.Document.create()
                  .withInputDoc(document)
                  .withBulkDirective(
                      layer == null
                          ? bulkEntry(id, document)
                          : versionedBulkEntry(id, layer.version(), document))
                  .withTimestamp(timestamp));
    }
  }

  /** Why Elasticsearch could not take this id and document, or null when it can. */
  static @Nullable String problem(String id, String document) {
    int idBytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (idBytes > MAX_ID_BYTES) {
      return String.format(
          "document id is %,d bytes, over Elasticsearch's limit of %d: %s",
          idBytes, MAX_ID_BYTES, Text.quoted(id));
    }
    if (3L * document.length() > MAX_DOCUMENT_BYTES) {
      int documentBytes = document.getBytes(StandardCharsets.UTF_8).length;
      if (documentBytes > MAX_DOCUMENT_BYTES) {
        return String.format(
            "document is %,d bytes, over the limit of %,d", documentBytes, MAX_DOCUMENT_BYTES);
      }
    }
    return null;
  }

  /**
   * {@code row} with each top-level decimal written with at least one decimal place: a sum of
   * nothing is a 0 without one, and Elasticsearch would map the field as a whole number from it,
   * then refuse the documents whose value has places (or the reverse), whichever comes first.
   */
  static Row withFractions(Row row) {
    return TopLevelDecimals.map(row, d -> d.scale() < 1 ? d.setScale(1) : d);
  }
}
