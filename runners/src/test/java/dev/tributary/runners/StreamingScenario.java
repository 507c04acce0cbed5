package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.detect.Alert;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.testdata.KafkaReplay;
import dev.tributary.testdata.banking.BankingGenerator;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.banking.BankingModel;
import dev.tributary.transforms.banking.FraudThresholds;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.values.Row;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The streaming fraud job's end-to-end check, whatever runs the job: a day of generated
 * transactions goes into a Kafka topic with three partitions, and once the job has consumed it the
 * alerts on the alerts topic and in the index must be exactly the alerts the plain-Java model finds
 * over the same events (no loss, no duplicates), and the dead letters must all be there. The views
 * in Elasticsearch must hold, as final documents, exactly the model's aggregates and top accounts
 * of the day.
 */
final class StreamingScenario {
  static final String INPUT_TOPIC = "banking-transactions";
  static final String ALERTS_TOPIC = "fraud-alerts";
  static final String DEAD_LETTERS_TOPIC = "banking-dead-letters";
  static final String ALERTS_INDEX = "fraud_alerts_v1";

  /** The views in Elasticsearch, each with the final results the job must leave there. */
  static final List<String> VIEW_INDEXES =
      List.of("views_account_hourly_v1", "views_category_daily_v1", "views_top_accounts_daily_v1");

  private static final int PARTITIONS = 3;

  /**
   * Hostile messages sent into the day: a large transaction whose id is 10,000 characters (its
   * alert's id is too long for Elasticsearch, which must refuse that one document alone), and a 200
   * KB malformed message of control characters (six times as long once escaped in its dead letter's
   * JSON, which must be cut to fit Kafka's message limit).
   */
  private static final String HOSTILE_TIME = "2026-03-02T12:00:00Z";

  private static final List<String> HOSTILE =
      List.of(
          "{\"id\":\"long-"
              + "x".repeat(10_000)
              + "\",\"accountId\":\"hostile-account\",\"amount\":9000.00,"
              + "\"currency\":\"EUR\",\"merchant\":\"m\",\"merchantCategory\":\"grocery\","
              + "\"country\":\"DE\",\"channel\":\"POS\",\"eventTime\":\""
              + HOSTILE_TIME
              + "\"}",
          "{" + "\u0001".repeat(200_000),
          duplicate("9000.00"),
          duplicate("9500.00"));

  /**
   * One of two transactions with one id, sent one after the other to one partition: the first is
   * kept (its large_amount alert has its amount), the second is a dead letter, as in the model.
   */
  private static String duplicate(String amount) {
    return "{\"id\":\"dup-1\",\"accountId\":\"hostile-account\",\"amount\":"
        + amount
        + ",\"currency\":\"EUR\",\"merchant\":\"m\",\"merchantCategory\":\"grocery\","
        + "\"country\":\"DE\",\"channel\":\"POS\",\"eventTime\":\""
        + HOSTILE_TIME
        + "\"}";
  }

  private static final String FLUSH_TIME = "2026-03-03T06:00:00Z";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final KafkaExtension kafka;
  private final ElasticsearchExtension elasticsearch;
  private final Path accounts;
  private final Set<String> expectedAlerts;

  /** Per view index, the model's final results of the windows the flush closes. */
  private final Map<String, Set<String>> expectedViews;

  private final int expectedDeadLetters;
  private final long sent;

  private StreamingScenario(
      KafkaExtension kafka,
      ElasticsearchExtension elasticsearch,
      Path accounts,
      Set<String> expectedAlerts,
      Map<String, Set<String>> expectedViews,
      int expectedDeadLetters,
      long sent) {
    this.kafka = kafka;
    this.elasticsearch = elasticsearch;
    this.accounts = accounts;
    this.expectedAlerts = expectedAlerts;
    this.expectedViews = expectedViews;
    this.expectedDeadLetters = expectedDeadLetters;
    this.sent = sent;
  }

  /**
   * Generates the day, writes its accounts file into {@code dir}, computes the expected alerts with
   * the model, and sends every transaction to the input topic, before any job starts.
   */
  static StreamingScenario sendDay(
      Path dir, KafkaExtension kafka, ElasticsearchExtension elasticsearch) throws IOException {
    BankingGenerator.Settings settings = new BankingGenerator.Settings();
    settings.seed = 21;
    settings.accounts = 60;
    settings.days = 1;
    settings.burstsPerAccountDay = 0.3;
    settings.largeAmountShare = 0.02;
    settings.foreignShare = 0.02;
    settings.malformedShare = 0.02;
    BankingGenerator.Output data = BankingGenerator.generate(settings);
    Path accounts = dir.resolve("accounts.jsonl");
    Files.write(accounts, data.accountLines());
    // After the day's events, one later transaction per partition moves every partition's
    // watermark past the day's windows, so that they close without waiting for Kafka to notice
    // idle partitions. They belong to an unknown account and raise nothing; the model sees them
    // too.
    List<String> flush = new ArrayList<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      flush.add(
          "{\"id\":\"flush-"
              + partition
              + "\",\"accountId\":\"flush-"
              + partition
              + "\",\"amount\":1.00,"
              + "\"currency\":\"EUR\",\"merchant\":\"m\",\"merchantCategory\":\"grocery\",\"country\":\"DE\","
              + "\"channel\":\"POS\",\"eventTime\":\""
              + FLUSH_TIME
              + "\"}");
    }
    List<String> events = new ArrayList<>(data.transactionLines());
    events.addAll(HOSTILE);
    events.addAll(flush);
    BankingModel.Result batch =
        new BankingModel(FraudThresholds.DEFAULTS, 10)
            .run(
                RawRecord.ofLines("tx", events),
                RawRecord.ofLines("accounts", data.accountLines()));
    Set<String> expected = new TreeSet<>();
    for (Alert alert : batch.alerts()) {
      expected.add(describe(alert));
    }
    assertTrue(
        expected.size() > 20,
        "the data must raise a good number of alerts, got " + expected.size());
    // The windows of the flush transactions (the next day) stay open: the watermark stops at them.
    org.joda.time.Instant flushTime = org.joda.time.Instant.parse(FLUSH_TIME);
    Map<String, Set<String>> views = new TreeMap<>();
    views.put(VIEW_INDEXES.get(0), describeClosed(batch.accountHourly(), flushTime));
    views.put(VIEW_INDEXES.get(1), describeClosed(batch.categoryDaily(), flushTime));
    Set<String> top = new TreeSet<>();
    for (Row entry : batch.topAccountsDaily()) {
      if (!entry.getDateTime("windowEnd").isAfter(flushTime)) {
        top.add(
            String.join(
                "|",
                entry.getDateTime("windowStart").toString(),
                String.valueOf(entry.getInt32("rank")),
                entry.getString("key"),
                plain(entry.getDecimal("value"))));
      }
    }
    views.put(VIEW_INDEXES.get(2), top);

    kafka.createTopic(INPUT_TOPIC, PARTITIONS);
    long sent =
        KafkaReplay.send(
            kafka.bootstrapServers(), INPUT_TOPIC, data.transactionLines(), 0, 0, Duration.ZERO);
    assertEquals(data.transactionLines().size(), sent);
    List<ProducerRecord<String, String>> flushRecords = new ArrayList<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      flushRecords.add(
          new ProducerRecord<>(
              INPUT_TOPIC,
              partition,
              Instant.parse(FLUSH_TIME).toEpochMilli(),
              "flush-" + partition,
              flush.get(partition)));
    }
    List<ProducerRecord<String, String>> hostileRecords = new ArrayList<>();
    for (String hostile : HOSTILE) {
      hostileRecords.add(
          new ProducerRecord<>(
              INPUT_TOPIC, 0, Instant.parse(HOSTILE_TIME).toEpochMilli(), "hostile", hostile));
    }
    kafka.produce(hostileRecords);
    kafka.produce(flushRecords);
    // Elasticsearch cannot take an id over 512 bytes: those alerts are dead letters there.
    long unindexable =
        batch.alerts().stream()
            .filter(a -> a.id.getBytes(StandardCharsets.UTF_8).length > 512)
            .count();
    assertEquals(1, unindexable);
    return new StreamingScenario(
        kafka,
        elasticsearch,
        accounts,
        expected,
        views,
        batch.deadLetters().size() + (int) unindexable,
        sent + hostileRecords.size() + flushRecords.size());
  }

  /**
   * The pipeline arguments that connect a job to this scenario's Kafka, Elasticsearch and accounts
   * file.
   */
  List<String> pipelineArgs() {
    return List.of(
        "--bootstrapServers=" + kafka.bootstrapServers(),
        "--elasticsearchUrl=" + elasticsearch.url(),
        "--accounts=" + accounts,
        "--inputTopic=" + INPUT_TOPIC,
        "--alertsTopic=" + ALERTS_TOPIC,
        "--deadLetterTopic=" + DEAD_LETTERS_TOPIC);
  }

  /** Something that says whether the job is still running, and why not. */
  interface JobState {
    /** {@code null} while the job runs; otherwise what it is instead. */
    String notRunning();
  }

  /**
   * Waits until both topics and the index hold what the model predicts (the sinks flush
   * independently), failing at once if the job stops and after {@code timeout} with what is
   * missing.
   */
  void awaitOutputs(JobState job, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (kafka.count(ALERTS_TOPIC) < expectedAlerts.size()
        || kafka.count(DEAD_LETTERS_TOPIC) < expectedDeadLetters
        || elasticsearch.count(ALERTS_INDEX) < expectedAlerts.size() - 1
        || !viewsHaveAllFinalDocuments()) {
      String notRunning = job.notRunning();
      if (notRunning != null) {
        throw new AssertionError("the streaming job stopped early: " + notRunning);
      }
      if (System.nanoTime() > deadline) {
        Set<String> missing = new TreeSet<>(expectedAlerts);
        for (ConsumerRecord<String, String> record : kafka.readAll(ALERTS_TOPIC)) {
          missing.remove(describe(JSON.readTree(record.value())));
        }
        throw new AssertionError(
            "after "
                + timeout
                + ": alerts on the topic "
                + kafka.count(ALERTS_TOPIC)
                + ", in the index "
                + elasticsearch.count(ALERTS_INDEX)
                + ", of "
                + expectedAlerts.size()
                + "; dead letters "
                + kafka.count(DEAD_LETTERS_TOPIC)
                + " of "
                + expectedDeadLetters
                + "; final view documents "
                + finalDocumentCounts()
                + " of "
                + expectedViewSizes()
                + "; missing on the topic: "
                + missing
                + "; "
                + missingViewDocuments());
      }
      pollInterval();
    }
  }

  /** Checks the topics and the index against the model, exactly; returns a one-line summary. */
  String verifyOutputs() throws IOException {
    List<String> topicAlerts = new ArrayList<>();
    for (ConsumerRecord<String, String> record : kafka.readAll(ALERTS_TOPIC)) {
      JsonNode alert = JSON.readTree(record.value());
      assertEquals(alert.get("subjectId").asText(), record.key());
      topicAlerts.add(describe(alert));
    }
    assertEquals(
        expectedAlerts.size(), topicAlerts.size(), "no alert lost or duplicated on the topic");
    assertEquals(expectedAlerts, new TreeSet<>(topicAlerts));

    Set<String> indexable = new TreeSet<>();
    for (String alert : expectedAlerts) {
      if (!alert.contains("long-xxxx")) {
        indexable.add(alert);
      }
    }
    JsonNode hits = JSON.readTree(elasticsearch.search(ALERTS_INDEX)).get("hits");
    assertEquals(
        indexable.size(),
        hits.get("total").get("value").asInt(),
        "one document per alert in the index");
    Set<String> indexed = new TreeSet<>();
    for (JsonNode hit : hits.get("hits")) {
      assertEquals(hit.get("_source").get("id").asText(), hit.get("_id").asText());
      indexed.add(describe(hit.get("_source")));
    }
    assertEquals(indexable, indexed);

    List<ConsumerRecord<String, String>> deadLetters = kafka.readAll(DEAD_LETTERS_TOPIC);
    assertEquals(expectedDeadLetters, deadLetters.size());
    int cut = 0;
    int refusedByElasticsearch = 0;
    for (ConsumerRecord<String, String> letter : deadLetters) {
      JsonNode deadLetter = JSON.readTree(letter.value());
      String source = deadLetter.get("source").asText();
      if (source.equals("elasticsearch:" + ALERTS_INDEX)) {
        assertTrue(deadLetter.get("reason").asText().startsWith("document id is 10,"));
        refusedByElasticsearch++;
      } else {
        assertTrue(source.matches("kafka:" + INPUT_TOPIC + "/[0-2]@\\d+"), source);
      }
      if (!deadLetter.get("originalBytes").isNull()) {
        assertEquals(200_001, deadLetter.get("originalBytes").asLong());
        assertEquals(64, deadLetter.get("originalSha256").asText().length());
        cut++;
      }
    }
    assertEquals(1, refusedByElasticsearch, "the alert with a 10,000-character id");
    assertEquals(1, cut, "the 200 KB message's dead letter, cut to fit");

    for (String index : VIEW_INDEXES) {
      assertEquals(
          expectedViews.get(index), finalDocuments(index), "the final documents of " + index);
    }
    return String.format(
        "sent %d, alerts %d on topic, %d in index, dead letters %d; batch alerts %d; final view documents %s, as the model's",
        sent,
        topicAlerts.size(),
        indexed.size(),
        deadLetters.size(),
        expectedAlerts.size(),
        expectedViewSizes());
  }

  private boolean viewsHaveAllFinalDocuments() throws IOException {
    for (String index : VIEW_INDEXES) {
      if (finalDocuments(index).size() < expectedViews.get(index).size()) {
        return false;
      }
    }
    return true;
  }

  /**
   * For the first few final results missing from each view, what its index holds for that key and
   * window instead (nothing: its records never reached the aggregate; a non-final pane: its final
   * pane never came).
   */
  private String missingViewDocuments() throws IOException {
    List<String> report = new ArrayList<>();
    for (String index : VIEW_INDEXES) {
      List<JsonNode> hits = viewHits(index);
      Set<String> missing = new TreeSet<>(expectedViews.get(index));
      missing.removeAll(finalDocuments(hits));
      Map<String, String> held = new TreeMap<>();
      for (JsonNode hit : hits) {
        held.put(hit.get("_id").asText(), hit.get("_source").toString());
      }
      missing.stream()
          .limit(5)
          .forEach(
              expected -> {
                String[] fields = expected.split("\\|");
                String id = fields[0] + "|" + fields[1]; // the view's document id
                report.add(
                    index
                        + " expected "
                        + expected
                        + ", holds "
                        + held.getOrDefault(id, "nothing"));
              });
    }
    return "missing final view documents: " + report;
  }

  private List<Integer> finalDocumentCounts() throws IOException {
    List<Integer> counts = new ArrayList<>();
    for (String index : VIEW_INDEXES) {
      counts.add(finalDocuments(index).size());
    }
    return counts;
  }

  private List<Integer> expectedViewSizes() {
    return VIEW_INDEXES.stream().map(index -> expectedViews.get(index).size()).toList();
  }

  /** The documents of a view index that hold a final result, described as the model's are. */
  private Set<String> finalDocuments(String index) throws IOException {
    return finalDocuments(viewHits(index));
  }

  /** Every hit of a view index; none while the index does not exist. */
  private List<JsonNode> viewHits(String index) throws IOException {
    List<JsonNode> hits = new ArrayList<>();
    if (elasticsearch.count(index) > 0) {
      JSON.readTree(elasticsearch.search(index)).get("hits").get("hits").forEach(hits::add);
    }
    return hits;
  }

  private static Set<String> finalDocuments(List<JsonNode> hits) {
    Set<String> described = new TreeSet<>();
    for (JsonNode hit : hits) {
      JsonNode doc = hit.get("_source");
      // Only the day's windows: the flush's may close too, once Kafka finds the partitions idle.
      if (!doc.get("isFinal").asBoolean()
          || org.joda.time.Instant.parse(doc.get("windowEnd").asText())
              .isAfter(org.joda.time.Instant.parse(FLUSH_TIME))) {
        continue;
      }
      described.add(
          doc.has("rank")
              ? String.join(
                  "|",
                  doc.get("windowStart").asText(),
                  doc.get("rank").asText(),
                  doc.get("key").asText(),
                  plain(new BigDecimal(doc.get("value").asText())))
              : String.join(
                  "|",
                  doc.get("key").asText(),
                  doc.get("windowStart").asText(),
                  doc.get("windowEnd").asText(),
                  doc.get("count").asText(),
                  plain(new BigDecimal(doc.get("sum").asText())),
                  plain(new BigDecimal(doc.get("mean").asText())),
                  plain(new BigDecimal(doc.get("max").asText()))));
    }
    return described;
  }

  private static Set<String> describeClosed(List<Row> results, org.joda.time.Instant flushTime) {
    Set<String> described = new TreeSet<>();
    for (Row r : results) {
      if (!r.getDateTime("windowEnd").isAfter(flushTime)) {
        described.add(
            String.join(
                "|",
                r.getString("key"),
                r.getDateTime("windowStart").toString(),
                r.getDateTime("windowEnd").toString(),
                String.valueOf(r.getInt64("count")),
                plain(r.getDecimal("sum")),
                plain(r.getDecimal("mean")),
                plain(r.getDecimal("max"))));
      }
    }
    return described;
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** The pause between two looks at the topics; the loop's condition is what waits. */
  private static void pollInterval() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An alert as one comparable line: every field. */
  static String describe(Alert a) {
    return String.join(
        "|",
        a.id,
        a.rule,
        a.subjectId,
        String.join(",", a.recordIds),
        a.measure.stripTrailingZeros().toPlainString(),
        a.windowStart.toString(),
        a.windowEnd.toString(),
        a.severity,
        a.detectionTime.toString());
  }

  /** An alert read back as JSON, as {@link #describe(Alert)} describes it. */
  static String describe(JsonNode a) {
    List<String> ids = new ArrayList<>();
    a.get("recordIds").forEach(id -> ids.add(id.asText()));
    return String.join(
        "|",
        a.get("id").asText(),
        a.get("rule").asText(),
        a.get("subjectId").asText(),
        String.join(",", ids),
        a.get("measure").decimalValue().stripTrailingZeros().toPlainString(),
        a.get("windowStart").asText(),
        a.get("windowEnd").asText(),
        a.get("severity").asText(),
        a.get("detectionTime").asText());
  }
}
