package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How WriteElasticsearch names and frames documents, without a server (ElasticsearchIT writes
 * them).
 */
class WriteElasticsearchTest {
  private static final Schema VIEW =
      Schema.builder()
          .addStringField("key")
          .addDateTimeField("windowStart")
          .addInt32Field("rank")
          .build();
  private static final Row ROW =
      Row.withSchema(VIEW)
          .addValues("acc-\"7\"", Instant.parse("2026-03-01T10:00:00.000Z"), 3)
          .build();

  @Test
  void theIdIsTheFieldsAsTheDocumentWritesThem() throws Exception {
    // The ids views had when they were read back from each document's JSON: the same strings now.
    JsonNode document =
        new ObjectMapper()
            .readTree(
                RowJsonUtils.rowToJson(
                    RowJsonUtils.newObjectMapperWith(RowJson.RowJsonSerializer.forSchema(VIEW)),
                    ROW));
    assertEquals(
        document.get("key").asText()
            + "|"
            + document.get("windowStart").asText()
            + "|"
            + document.get("rank").asText(),
        WriteElasticsearch.documentId(ROW, List.of("key", "windowStart", "rank")));
    assertEquals(
        "acc-\"7\"|2026-03-01T10:00:00.000Z",
        WriteElasticsearch.documentId(ROW, List.of("key", "windowStart")));
  }

  @Test
  void aBulkEntryIsTheDirectiveThenTheDocumentEachOnALine() throws Exception {
    String entry = WriteElasticsearch.bulkEntry("acc-\"7\"|x", "{\"a\":1}");
    String[] lines = entry.split("\n", -1);
    assertEquals(3, lines.length);
    assertEquals(
        "acc-\"7\"|x", new ObjectMapper().readTree(lines[0]).get("index").get("_id").asText());
    assertEquals("{\"a\":1}", lines[1]);
    assertEquals("", lines[2]);
  }

  @Test
  void anIdFieldTheRecordsLackFailsWhenThePipelineIsBuilt() {
    // Only built, never run: on whichever runner the build profile tests with.
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                pipeline
                    .apply(Create.of(ROW).withRowSchema(VIEW))
                    .apply(WriteElasticsearch.to("http://localhost:1", "views_v1", "key", "day")));
    assertTrue(refused.getMessage().contains("no id field 'day'"), refused.getMessage());
  }

  @Test
  void aClusterIsSeveralAddressesSeparatedByCommas() {
    assertEquals(
        List.of("http://a:9200", "http://b:9201"),
        List.of(WriteElasticsearch.addresses(" http://a:9200, http://b:9201 ,")));
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> WriteElasticsearch.addresses(" , "));
    assertTrue(none.getMessage().contains("no Elasticsearch address in ' , '"), none.getMessage());
  }

  @Test
  void tooManyRequestsAndServerErrorsAreTransientRefusalsOfTheDocumentAreNot() {
    assertTrue(
        WriteElasticsearch.isTransient(
            "{\"index\":{\"_id\":\"a\",\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\"}}}"));
    assertTrue(
        WriteElasticsearch.isTransient(
            "{\"index\":{\"_id\":\"a\",\"status\": 503,\"error\":{\"type\":\"unavailable_shards_exception\"}}}"));
    assertEquals(
        false,
        WriteElasticsearch.isTransient(
            "{\"index\":{\"_id\":\"a\",\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\"}}}"));
    assertEquals(false, WriteElasticsearch.isTransient(null));
  }
}
