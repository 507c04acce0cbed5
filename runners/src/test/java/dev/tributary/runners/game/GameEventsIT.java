package dev.tributary.runners.game;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.pipelines.game.GameEventCountsPipeline;
import dev.tributary.pipelines.game.StreamingGameEventsPipeline;
import dev.tributary.transforms.game.GameView;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's game end to end against a real Kafka and Elasticsearch: its eleven Apache Bench
 * commands, run with the real {@code ab}, through the game API (in its own JVM) into the topic
 * {@code events}; the streaming pipeline on Flink's embedded cluster lands {@code extracted_events}
 * and {@code purchases} as Parquet and counts into Elasticsearch; then Spark SQL runs the seed's
 * two queries over the landed files, and the batch pipeline counts them again. All must give
 * exactly the seed's tables.
 */
@Tag("integration")
class GameEventsIT {
  // The API's extension starts after Kafka's, whose address it needs.
  @Order(1)
  @RegisterExtension
  static final KafkaExtension KAFKA = new KafkaExtension();

  @Order(2)
  @RegisterExtension
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  @Order(3)
  @RegisterExtension
  static final GameApiExtension API = new GameApiExtension(KAFKA::bootstrapServers);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The seed's tables: SELECT event_type, COUNT(*) ... and SELECT Host, COUNT(*) ... */
  private static final Map<String, Long> BY_EVENT_TYPE =
      ordered(
          "default",
          37,
          "purchase_shield",
          29,
          "purchase_sword",
          25,
          "purchase_knife",
          20,
          "upgrade_sword",
          10,
          "upgrade_shield",
          7);

  private static final Map<String, Long> BY_HOST =
      ordered(
          "user4.spectrum.com",
          40,
          "user2.att.com",
          29,
          "user1.comcast.com",
          25,
          "user3.verizon.com",
          20,
          "user5.fios.com",
          14);

  private static Map<String, Long> ordered(Object... pairs) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
    }
    return map;
  }

  @Test
  void theSeedsAbCommandsGiveTheSeedsTables(@TempDir Path dir) throws Exception {
    KAFKA.createTopic("events", 1);
    Path warehouse = dir.resolve("warehouse");
    PipelineResult job =
        StreamingGameEventsPipeline.start(
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--checkpointingInterval=2000",
              "--attachedMode=false",
              "--consumerGroup=it-game",
              "--bootstrapServers=" + KAFKA.bootstrapServers(),
              "--elasticsearchUrl=" + ELASTICSEARCH.url(),
              "--warehouse=" + warehouse,
              "--landEvery=PT2S",
              "--earlyFiringsEvery=PT1S"
            });
    // A failure must not leave the job running into the next test class of this JVM.
    try {
      List<String> seedCommands =
          Files.readAllLines(
              Path.of("..", "test-data", "game", "seed-ab-commands.txt"), StandardCharsets.UTF_8);
      int requests = 0;
      for (String line : seedCommands) {
        if (line.startsWith("ab ")) {
          requests += ab(line, API.url(), dir.resolve("ab.log"));
        }
      }
      assertEquals(128, requests);
      JsonNode metrics = JSON.readTree(API.url().resolve("/metrics").toURL());
      assertEquals(128, metrics.get("answeredByStatus").get("200").asLong(), metrics.toString());
      assertEquals(128, KAFKA.count("events"), "each 200 is an event stored in Kafka");

      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      while (!BY_EVENT_TYPE.equals(documents(GameView.BY_EVENT_TYPE))
          || !BY_HOST.equals(documents(GameView.BY_HOST))
          || landed(warehouse.resolve("extracted_events")) < 128
          || landed(warehouse.resolve("purchases")) < 74) {
        if (job.getState() != PipelineResult.State.RUNNING) {
          throw new AssertionError("the streaming job stopped early: " + job.getState());
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "after 4 minutes: by event type "
                  + documents(GameView.BY_EVENT_TYPE)
                  + ", by host "
                  + documents(GameView.BY_HOST)
                  + ", landed "
                  + landed(warehouse.resolve("extracted_events")));
        }
        Thread.sleep(1_000);
      }
    } finally {
      job.cancel();
    }

    // The seed's queries, with Spark SQL, over the landed Parquet.
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("seed-queries")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      spark
          .read()
          .parquet(warehouse.resolve("extracted_events").toString())
          .createOrReplaceTempView("gamer");
      assertEquals(
          BY_EVENT_TYPE,
          table(
              spark.sql(
                  "SELECT event_type, COUNT(event_type) as event_count FROM gamer"
                      + " GROUP BY event_type ORDER BY event_count DESC")));
      assertEquals(
          BY_HOST,
          table(
              spark.sql(
                  "SELECT Host, COUNT(*) as number_of_player FROM gamer GROUP BY Host"
                      + " ORDER BY number_of_player DESC")));
      spark
          .read()
          .parquet(warehouse.resolve("purchases").toString())
          .createOrReplaceTempView("purchases");
      assertEquals(
          74L, spark.sql("SELECT COUNT(*) FROM purchases").collectAsList().get(0).getLong(0));
    } finally {
      spark.stop();
    }

    // The batch pipeline over the same files.
    Path counts = dir.resolve("counts");
    GameEventCountsPipeline.run(
        new String[] {
          "--runner=DirectRunner",
          "--landedEvents=" + warehouse.resolve("extracted_events"),
          "--output=" + counts
        });
    assertEquals(
        BY_EVENT_TYPE, GameEventCountsPipeline.table(counts.toString(), GameView.BY_EVENT_TYPE));
    assertEquals(BY_HOST, GameEventCountsPipeline.table(counts.toString(), GameView.BY_HOST));
    System.out.printf(
        "[game events] 11 ab commands, 128 requests answered 200, 128 events in Kafka, landed 128"
            + " (74 purchases); Elasticsearch, Spark SQL and the batch pipeline: %s and %s%n",
        BY_EVENT_TYPE, BY_HOST);
  }

  /** Runs one of the seed's ab lines against {@code api}; returns the requests it completed. */
  private static int ab(String seedLine, URI api, Path log)
      throws IOException, InterruptedException {
    // The seed's URL names localhost:5000; the API listens elsewhere.
    String line = seedLine.replace("http://localhost:5000/", api.toString());
    List<String> command = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) {
      command.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    command.add(1, "-q");
    Process ab;
    try {
      ab = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          "Apache Bench (ab) is needed: apt-get install apache2-utils (" + e.getMessage() + ")");
    }
    String output = new String(ab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Files.writeString(
        log,
        line + "\n" + output,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(0, ab.waitFor(), output);
    if (output.contains("Non-2xx responses")) {
      throw new AssertionError("the API refused requests of: " + line + "\n" + output);
    }
    java.util.regex.Matcher complete =
        java.util.regex.Pattern.compile("Complete requests:\\s+(\\d+)").matcher(output);
    if (!complete.find()) {
      throw new AssertionError("ab said nothing of completed requests:\n" + output);
    }
    return Integer.parseInt(complete.group(1));
  }

  /** An all-time view's documents: key to events. */
  private static Map<String, Long> documents(GameView view) throws IOException {
    String index = StreamingGameEventsPipeline.indexOf(view, "v1");
    Map<String, Long> counts = new TreeMap<>();
    if (ELASTICSEARCH.count(index) > 0) {
      for (JsonNode hit : JSON.readTree(ELASTICSEARCH.search(index)).get("hits").get("hits")) {
        JsonNode doc = hit.get("_source");
        counts.put(doc.get(view.keyField()).asText(), doc.get("events").asLong());
      }
    }
    return counts;
  }

  private static long landed(Path folder) throws IOException {
    return LandedFiles.rows(folder);
  }

  private static Map<String, Long> table(org.apache.spark.sql.Dataset<Row> result) {
    Map<String, Long> table = new LinkedHashMap<>();
    for (Row row : result.collectAsList()) {
      table.put(row.getString(0), row.getLong(1));
    }
    return table;
  }
}
