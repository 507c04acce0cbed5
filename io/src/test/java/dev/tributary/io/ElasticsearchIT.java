package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.transforms.DeadLetter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WriteElasticsearch against a real Elasticsearch 7.10.2 node. */
@Tag("integration")
class ElasticsearchIT {
  @RegisterExtension
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  /** A view row: one total per key. */
  @DefaultSchema(JavaFieldSchema.class)
  public static final class Total {
    public final String key;
    public final BigDecimal total;

    @SchemaCreate
    public Total(String key, BigDecimal total) {
      this.key = key;
      this.total = total;
    }
  }

  /**
   * The same key with a total that is not a number: Elasticsearch refuses it once the index maps
   * total as one.
   */
  @DefaultSchema(JavaFieldSchema.class)
  public static final class BadTotal {
    public final String key;
    public final String total;

    @SchemaCreate
    public BadTotal(String key, String total) {
      this.key = key;
      this.total = total;
    }
  }

  private static void write(String index, Create.Values<Total> totals) {
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<DeadLetter> refused =
        pipeline.apply(totals).apply(WriteElasticsearch.to(ELASTICSEARCH.url(), index, "key"));
    PAssert.that(refused).empty();
    pipeline.run().waitUntilFinish();
  }

  private static Map<String, String> documents(String index) throws IOException {
    JsonNode hits =
        new ObjectMapper().readTree(ELASTICSEARCH.search(index)).get("hits").get("hits");
    Map<String, String> byId = new TreeMap<>();
    hits.forEach(
        hit -> byId.put(hit.get("_id").asText(), hit.get("_source").get("total").asText()));
    return byId;
  }

  @Test
  void writingTheSameViewTwiceOverwritesAndALaterPaneReplaces() throws IOException {
    write(
        "it_totals_v1",
        Create.of(
            new Total("a", new BigDecimal("1.50")),
            new Total("b", new BigDecimal("2.00")),
            new Total("c", new BigDecimal("3.25"))));
    write(
        "it_totals_v1",
        Create.of(
            new Total("a", new BigDecimal("1.50")),
            new Total("b", new BigDecimal("2.00")),
            new Total("c", new BigDecimal("3.25"))));
    assertEquals(Map.of("a", "1.5", "b", "2.0", "c", "3.25"), documents("it_totals_v1"));

    write("it_totals_v1", Create.of(new Total("b", new BigDecimal("9.00"))));
    assertEquals(Map.of("a", "1.5", "b", "9.0", "c", "3.25"), documents("it_totals_v1"));
  }

  @Test
  void aDocumentElasticsearchRefusesBecomesADeadLetter() {
    write("it_refusals_v1", Create.of(new Total("x", new BigDecimal("1.00"))));
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<DeadLetter> refused =
        pipeline
            .apply(Create.of(new BadTotal("y", "not a number")))
            .apply(WriteElasticsearch.to(ELASTICSEARCH.url(), "it_refusals_v1", "key"));
    PAssert.that(refused)
        .satisfies(
            letters -> {
              DeadLetter only = letters.iterator().next();
              assertEquals("elasticsearch:it_refusals_v1", only.source);
              assertEquals("write-it_refusals_v1", only.step);
              assertEquals("{\"key\":\"y\",\"total\":\"not a number\"}", only.payload);
              assertTrue(only.reason.contains("mapper_parsing_exception"), only.reason);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void anOverlongIdIsADeadLetterBeforeTheWriteAndTheOtherDocumentsAreWritten() throws IOException {
    List<Total> totals = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      totals.add(new Total("k" + i, new BigDecimal(i + ".00")));
    }
    String longId = "x".repeat(10_000);
    totals.add(new Total(longId, new BigDecimal("1.00")));
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<DeadLetter> refused =
        pipeline
            .apply(Create.of(totals))
            .apply(WriteElasticsearch.to(ELASTICSEARCH.url(), "it_long_ids_v1", "key"));
    PAssert.that(refused)
        .containsInAnyOrder(
            new DeadLetter(
                "elasticsearch:it_long_ids_v1",
                "write-it_long_ids_v1",
                "document id is 10,000 bytes, over Elasticsearch's limit of 512: '"
                    + "x".repeat(100)
                    + "…' (10000 characters)",
                "{\"key\":\"" + longId + "\",\"total\":1.00}"));
    pipeline.run().waitUntilFinish();
    assertEquals(40, documents("it_long_ids_v1").size());
  }
}
