package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.TributaryMetrics;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The serving layer's rule against a real Elasticsearch node: a batch-layer document stands against
 * any later speed-layer write, a later batch run replaces it, and a batch run writes only the
 * windows inside its range.
 */
@Tag("integration")
class ServingLayerIT {
  @RegisterExtension
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  private static final Schema HOURLY =
      Schema.builder()
          .addStringField("key")
          .addDateTimeField("windowStart")
          .addDateTimeField("windowEnd")
          .addDecimalField("total")
          .addBooleanField("isFinal")
          .build();
  private static final Instant TEN = Instant.parse("2025-11-01T10:00:00Z");
  private static final Instant ELEVEN = Instant.parse("2025-11-01T11:00:00Z");
  private static final Instant NOON = Instant.parse("2025-11-01T12:00:00Z");

  private static Row hour(Instant start, long total, boolean isFinal) {
    return Row.withSchema(HOURLY)
        .addValues("a", start, start.plus(3_600_000), BigDecimal.valueOf(total), isFinal)
        .build();
  }

  /** Writes {@code rows} as {@code layer}; returns how many writes found a batch document. */
  private static long write(String index, ServingLayer layer, Row... rows) {
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<DeadLetter> refused =
        pipeline
            .apply(Create.of(List.of(rows)).withRowSchema(HOURLY))
            .apply(
                WriteElasticsearch.<Row>to(ELASTICSEARCH.url(), index, "key", "windowStart")
                    .asLayer(layer));
    PAssert.that(refused).empty();
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    return TributaryMetrics.counter(
        TributaryMetrics.of(result), "serving." + index + ".keptBatchDocument");
  }

  /** Per window start: "total layer completeUpTo". */
  private static Map<String, String> documents(String index) throws IOException {
    ELASTICSEARCH.request("POST", "/" + index + "/_refresh");
    JsonNode hits =
        new ObjectMapper().readTree(ELASTICSEARCH.search(index)).get("hits").get("hits");
    Map<String, String> byWindow = new TreeMap<>();
    for (JsonNode hit : hits) {
      JsonNode doc = hit.get("_source");
      byWindow.put(
          doc.get("windowStart").asText(),
          doc.get("total").decimalValue().stripTrailingZeros().toPlainString()
              + " "
              + doc.get(ServingLayer.LAYER_FIELD).asText()
              + " "
              + doc.get(ServingLayer.COMPLETE_UP_TO_FIELD).asText());
    }
    return byWindow;
  }

  @Test
  void batchDocumentsStandAgainstSpeedWritesUntilTheNextBatchRun() throws IOException {
    String index = "views_serving_test_v1";
    Instant firstRun = Instant.parse("2026-01-01T00:00:00Z");
    // The batch run read up to noon: the 10:00 and 11:00 windows, not the 12:00 one.
    assertEquals(
        0,
        write(
            index,
            ServingLayer.batch(null, NOON, firstRun),
            hour(TEN, 10, true),
            hour(ELEVEN, 20, true),
            hour(NOON, 30, true)));
    assertEquals(
        Map.of(
            "2025-11-01T10:00:00.000Z", "10 batch 2025-11-01T11:00:00.000Z",
            "2025-11-01T11:00:00.000Z", "20 batch 2025-11-01T12:00:00.000Z"),
        documents(index));

    // The speed layer writes all three windows afterwards: only the 12:00 one is its own.
    long kept =
        write(
            index,
            ServingLayer.speed(),
            hour(TEN, 99, true),
            hour(ELEVEN, 99, false),
            hour(NOON, 31, false));
    assertEquals(2, kept, "two speed writes met a batch document");
    assertEquals(
        Map.of(
            "2025-11-01T10:00:00.000Z", "10 batch 2025-11-01T11:00:00.000Z",
            "2025-11-01T11:00:00.000Z", "20 batch 2025-11-01T12:00:00.000Z",
            "2025-11-01T12:00:00.000Z", "31 speed null"),
        documents(index));

    // A later pane of the speed layer replaces its earlier one, and is complete once final.
    write(index, ServingLayer.speed(), hour(NOON, 32, true));
    assertEquals(
        "32 speed 2025-11-01T13:00:00.000Z", documents(index).get("2025-11-01T12:00:00.000Z"));

    // A later batch run over 11:00 to 13:00 replaces its windows, the speed layer's one too.
    write(
        index,
        ServingLayer.batch(ELEVEN, Instant.parse("2025-11-01T13:00:00Z"), firstRun.plus(1)),
        hour(TEN, 11, true),
        hour(ELEVEN, 21, true),
        hour(NOON, 33, true));
    assertEquals(
        Map.of(
            "2025-11-01T10:00:00.000Z", "10 batch 2025-11-01T11:00:00.000Z",
            "2025-11-01T11:00:00.000Z", "21 batch 2025-11-01T12:00:00.000Z",
            "2025-11-01T12:00:00.000Z", "33 batch 2025-11-01T13:00:00.000Z"),
        documents(index));

    // An older batch run that comes late changes nothing either.
    write(index, ServingLayer.batch(null, NOON, firstRun), hour(ELEVEN, 20, true));
    assertTrue(documents(index).get("2025-11-01T11:00:00.000Z").startsWith("21 batch"));
  }
}
