package dev.tributary.runners.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.io.ServingLayer;
import dev.tributary.pipelines.social.SocialBatchLayerPipeline;
import dev.tributary.pipelines.social.SocialServingIndices;
import dev.tributary.pipelines.social.SocialSpeedLayerPipeline;
import dev.tributary.runners.ViewDocuments;
import dev.tributary.testdata.social.SocialHistoryGenerator;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.social.SocialKind;
import dev.tributary.transforms.social.SocialModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.PipelineResult;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lambda architecture end to end, with real Kafka and Elasticsearch: the same generated records
 * go to the three topics and to the history's files. The speed layer (Flink) serves every view
 * equal to the model; the batch layer then serves the same documents (but for the layer mark) over
 * them; a speed-layer write that comes afterwards for a window the batch layer holds changes
 * nothing, while a new window is the speed layer's.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SocialLambdaIT {
  @RegisterExtension
  @Order(1)
  static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  @Order(2)
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  private static final int PARTITIONS = 3;
  private static final int TOP_POSTS = 5;
  private static final String DEAD_LETTERS = "reddit.dead-letters";
  private static final LocalDate START = LocalDate.of(2025, 11, 1);

  /** After the records: moves every partition's watermark past their windows. */
  private static final Instant FLUSH = Instant.parse("2025-11-04T00:00:00Z");

  @Test
  void speedAndBatchLayersServeTheSameDocumentsAndTheBatchLayersStand(@TempDir Path dir)
      throws Exception {
    SocialHistoryGenerator.Settings settings = new SocialHistoryGenerator.Settings();
    settings.seed = 7;
    settings.start = START;
    settings.days = 2;
    settings.users = 40;
    settings.postsPerHour = 4;
    settings.userUpdatesPerHour = 2;
    settings.malformedShare = 0.01;
    SocialHistoryGenerator.Output history = SocialHistoryGenerator.generate(settings);
    Path historyDir = dir.resolve("history");
    SocialHistoryGenerator.write(history, historyDir.toString());
    List<RawRecord> raw = new ArrayList<>();
    history
        .files()
        .forEach((file, lines) -> raw.addAll(RawRecord.ofLines(historyDir + "/" + file, lines)));
    SocialModel.Result model = new SocialModel(TOP_POSTS).run(raw);
    Map<String, Set<String>> expected =
        ViewDocuments.ofModel(model.views(), v -> SocialServingIndices.indexOf(v, "v1"));

    for (SocialKind kind : SocialKind.values()) {
      KAFKA.createTopic(kind.topic(), PARTITIONS);
    }
    KAFKA.createTopic(DEAD_LETTERS, 1);
    List<ProducerRecord<String, String>> messages = new ArrayList<>();
    for (SocialHistoryGenerator.Line line : SocialHistoryGenerator.timeline(settings)) {
      messages.add(
          new ProducerRecord<>(
              topicOf(line.kind()), null, line.time().toEpochMilli(), line.key(), line.text()));
    }
    KAFKA.produce(messages);
    KAFKA.produce(flush(FLUSH));

    PipelineResult speed =
        SocialSpeedLayerPipeline.start(
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--checkpointingInterval=2000",
              "--attachedMode=false",
              "--consumerGroup=it-social",
              "--bootstrapServers=" + KAFKA.bootstrapServers(),
              "--elasticsearchUrl=" + ELASTICSEARCH.url(),
              "--earlyFiringsEvery=PT1S",
              "--topPosts=" + TOP_POSTS
            });
    try {
      // 1. The speed layer alone: every view equal to the model, every window's pane final.
      awaitOrFail(
          speed,
          () ->
              expected.equals(ViewDocuments.of(ELASTICSEARCH, expected.keySet()))
                  && KAFKA.count(DEAD_LETTERS) >= model.deadLetters().size() + 3L * PARTITIONS,
          () ->
              "speed layer views differ from the model: "
                  + ViewDocuments.difference(
                      expected, ViewDocuments.of(ELASTICSEARCH, expected.keySet()))
                  + "; dead letters "
                  + KAFKA.count(DEAD_LETTERS)
                  + " of "
                  + (model.deadLetters().size() + 3 * PARTITIONS));
      assertEquals(model.deadLetters().size() + 3L * PARTITIONS, KAFKA.count(DEAD_LETTERS));
      Map<String, List<JsonNode>> speedDocs =
          ViewDocuments.sources(ELASTICSEARCH, expected.keySet());
      for (JsonNode doc : all(speedDocs)) {
        assertEquals("speed", doc.get(ServingLayer.LAYER_FIELD).asText());
        if (doc.has("windowEnd")) {
          assertEquals(
              Instant.parse(doc.get("windowEnd").asText()),
              Instant.parse(doc.get(ServingLayer.COMPLETE_UP_TO_FIELD).asText()),
              "a closed window's final pane is complete up to its end: " + doc);
        }
      }

      // 2. The batch layer over the same records replaces every document with the same values.
      SocialBatchLayerPipeline.Summary batch =
          SocialBatchLayerPipeline.run(
              new String[] {
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=2",
                "--history=" + historyDir,
                "--output=" + dir.resolve("batch"),
                "--topPosts=" + TOP_POSTS,
                "--serve=true",
                "--elasticsearchUrl=" + ELASTICSEARCH.url()
              });
      assertEquals(history.records(), batch.read());
      Map<String, List<JsonNode>> batchDocs =
          ViewDocuments.sources(ELASTICSEARCH, expected.keySet());
      assertEquals(expected, ViewDocuments.of(ELASTICSEARCH, expected.keySet()));
      for (JsonNode doc : all(batchDocs)) {
        assertEquals("batch", doc.get(ServingLayer.LAYER_FIELD).asText(), doc.toString());
      }

      // 3. A live post (stamped now, as the producer stamps them): its windows are new and the
      // speed layer's; the all-time documents of its subreddit (totals, ranking) stay the batch
      // layer's, though the speed layer writes them again with the post counted.
      String subreddit = "AskReddit";
      Instant now = Instant.now();
      KAFKA.produce(
          List.of(
              new ProducerRecord<>(
                  SocialKind.POSTS.topic(),
                  null,
                  now.toEpochMilli(),
                  "p-live",
                  "{\"post_id\":\"p-live\",\"user_id\":\"u00001\",\"subreddit\":\""
                      + subreddit
                      + "\",\"title\":\"Live\",\"content\":\"\",\"score\":1000000,"
                      + "\"num_comments\":0,\"created_utc\":\""
                      + now
                      + "\",\"timestamp\":\""
                      + now
                      + "\"}")));
      String daily = SocialServingIndices.indexOf("top-posts-daily", "v1");
      String hourly = SocialServingIndices.indexOf("subreddit-activity", "v1");
      awaitOrFail(
          speed,
          () ->
              ViewDocuments.of(ELASTICSEARCH, Set.of(daily))
                      .get(daily)
                      .toString()
                      .contains("p-live")
                  && ViewDocuments.of(ELASTICSEARCH, Set.of(hourly))
                      .get(hourly)
                      .toString()
                      .contains(
                          "windowStart="
                              + org.joda.time.Instant.ofEpochMilli(now.toEpochMilli())
                                  .toDateTime(org.joda.time.DateTimeZone.UTC)
                                  .hourOfDay()
                                  .roundFloorCopy()
                                  .toInstant()),
          () -> "the live post's early panes did not reach " + daily + " and " + hourly);
      Instant today = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      Map<String, Set<String>> batchAfter = new java.util.TreeMap<>();
      for (Map.Entry<String, List<JsonNode>> index :
          ViewDocuments.sources(ELASTICSEARCH, expected.keySet()).entrySet()) {
        List<JsonNode> batchLayer = new ArrayList<>();
        for (JsonNode doc : index.getValue()) {
          if (doc.get(ServingLayer.LAYER_FIELD).asText().equals("batch")) {
            batchLayer.add(doc);
          } else {
            assertTrue(
                doc.has("windowStart")
                    && !Instant.parse(doc.get("windowStart").asText()).isBefore(today),
                "only the live post's new windows are the speed layer's: " + doc);
          }
        }
        batchAfter.put(index.getKey(), ViewDocuments.describe(batchLayer));
      }
      assertEquals(expected, batchAfter, "every batch document stands");
      System.out.printf(
          "[social lambda] %,d records (%d malformed); speed layer then batch layer: %s documents"
              + " equal to the model; batch documents stood against a later speed write%n",
          history.records(),
          history.groundTruth().size(),
          expected.values().stream().map(Set::size).toList());
    } finally {
      speed.cancel();
    }
  }

  private static String topicOf(String folder) {
    for (SocialKind kind : SocialKind.values()) {
      if (kind.folder().equals(folder)) {
        return kind.topic();
      }
    }
    throw new IllegalArgumentException(folder);
  }

  /** One unreadable message per partition of each topic at {@code time}: a dead letter each. */
  private static List<ProducerRecord<String, String>> flush(Instant time) {
    List<ProducerRecord<String, String>> flush = new ArrayList<>();
    for (SocialKind kind : SocialKind.values()) {
      for (int p = 0; p < PARTITIONS; p++) {
        flush.add(new ProducerRecord<>(kind.topic(), p, time.toEpochMilli(), "flush", "flush"));
      }
    }
    return flush;
  }

  private static List<JsonNode> all(Map<String, List<JsonNode>> byIndex) {
    return byIndex.values().stream().flatMap(List::stream).toList();
  }

  private static void awaitOrFail(
      PipelineResult job, BooleanSupplier done, java.util.function.Supplier<String> why)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (!done.getAsBoolean()) {
      if (job.getState() != PipelineResult.State.RUNNING) {
        throw new AssertionError("the speed layer stopped early: " + job.getState());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("after 4 minutes: " + why.get());
      }
      Thread.sleep(1_000);
    }
  }
}
