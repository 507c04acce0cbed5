package dev.tributary.runners;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import org.apache.beam.sdk.values.Row;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One fault's run of the streaming fraud job: a day of banking transactions generated from a seed,
 * sent at a fixed rate to topics of its own (three partitions, replicated), with the outputs the
 * plain-Java model expects from them: the alerts (on the alerts topic and in the alerts index), the
 * dead letters, and the final documents of the account-hourly view. {@link #count} compares what
 * the job wrote with that, counting what was lost and what was duplicated.
 */
final class FaultScenario {
  static final int PARTITIONS = 3;

  private static final String FLUSH_TIME = "2026-03-03T06:00:00Z";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  final String name;
  final String inputTopic;
  final String alertsTopic;
  final String deadLettersTopic;
  final String alertsIndex;
  final String hourlyIndex;
  private final KafkaExtension kafka;
  private final ElasticsearchExtension elasticsearch;
  private final Path accounts;
  private final List<String> events;
  private final Set<String> expectedAlerts;
  private final Set<String> expectedHourly;
  private final int expectedDeadLetters;
  private final CountDownLatch held = new CountDownLatch(1);
  private volatile int holdAfter = Integer.MAX_VALUE;

  /** What one output holds against the model: expected, found, lost and duplicated. */
  record Tally(int expected, int found, int lost, int duplicated, int unexpected) {
    static Tally of(Set<String> expected, List<String> found) {
      Set<String> distinct = new HashSet<>(found);
      Set<String> lost = new TreeSet<>(expected);
      lost.removeAll(distinct);
      Set<String> unexpected = new HashSet<>(distinct);
      unexpected.removeAll(expected);
      return new Tally(
          expected.size(),
          found.size(),
          lost.size(),
          found.size() - distinct.size(),
          unexpected.size());
    }

    boolean exact() {
      return lost == 0 && duplicated == 0 && unexpected == 0;
    }

    @Override
    public String toString() {
      return expected + " / " + found + " / " + lost + " / " + duplicated;
    }
  }

  /** The counts of every output after a run. */
  record Counts(Tally topicAlerts, Tally indexedAlerts, Tally hourlyView, Tally deadLetters) {
    boolean exact() {
      return topicAlerts.exact()
          && indexedAlerts.exact()
          && hourlyView.exact()
          && deadLetters.exact();
    }
  }

  private FaultScenario(
      String name,
      KafkaExtension kafka,
      ElasticsearchExtension elasticsearch,
      Path accounts,
      List<String> events,
      Set<String> expectedAlerts,
      Set<String> expectedHourly,
      int expectedDeadLetters) {
    this.name = name;
    this.inputTopic = name + "-transactions";
    this.alertsTopic = name + "-alerts";
    this.deadLettersTopic = name + "-dead-letters";
    this.alertsIndex = "fraud_alerts_" + name;
    this.hourlyIndex = "views_account_hourly_" + name;
    this.kafka = kafka;
    this.elasticsearch = elasticsearch;
    this.accounts = accounts;
    this.events = events;
    this.expectedAlerts = expectedAlerts;
    this.expectedHourly = expectedHourly;
    this.expectedDeadLetters = expectedDeadLetters;
  }

  /**
   * Generates the day (seed 21, 150 accounts, 2026-03-02), computes what the model expects and
   * creates the scenario's topics; nothing is sent yet.
   */
  static FaultScenario prepare(
      String name, Path dir, KafkaExtension kafka, ElasticsearchExtension elasticsearch)
      throws IOException {
    BankingGenerator.Settings settings = new BankingGenerator.Settings();
    settings.seed = 21;
    settings.accounts = 150;
    settings.days = 1;
    settings.burstsPerAccountDay = 0.3;
    settings.largeAmountShare = 0.02;
    settings.foreignShare = 0.02;
    settings.malformedShare = 0.02;
    BankingGenerator.Output data = BankingGenerator.generate(settings);
    Path accounts = dir.resolve("accounts.jsonl");
    Files.write(accounts, data.accountLines());
    List<String> all = new ArrayList<>(data.transactionLines());
    all.addAll(flushLines());
    BankingModel.Result model =
        new BankingModel(FraudThresholds.DEFAULTS, 10)
            .run(RawRecord.ofLines("tx", all), RawRecord.ofLines("accounts", data.accountLines()));
    Set<String> alerts = new TreeSet<>();
    for (Alert alert : model.alerts()) {
      alerts.add(StreamingScenario.describe(alert));
    }
    org.joda.time.Instant flush = org.joda.time.Instant.parse(FLUSH_TIME);
    Set<String> hourly = new TreeSet<>();
    for (Row r : model.accountHourly()) {
      if (!r.getDateTime("windowEnd").isAfter(flush)) {
        hourly.add(
            String.join(
                "|",
                r.getString("key"),
                r.getDateTime("windowStart").toString(),
                String.valueOf(r.getInt64("count")),
                StreamingScenario.plain(r.getDecimal("sum"))));
      }
    }
    for (String topic : List.of(name + "-transactions", name + "-alerts", name + "-dead-letters")) {
      kafka.createTopic(topic, PARTITIONS);
    }
    return new FaultScenario(
        name,
        kafka,
        elasticsearch,
        accounts,
        data.transactionLines(),
        alerts,
        hourly,
        model.deadLetters().size());
  }

  /**
   * One transaction per partition, a day after the others: it moves every partition's watermark
   * past the day's windows, so that they close. Unknown accounts: they raise nothing.
   */
  private static List<String> flushLines() {
    List<String> flush = new ArrayList<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      flush.add(
          "{\"id\":\"flush-"
              + partition
              + "\",\"accountId\":\"flush-"
              + partition
              + "\",\"amount\":1.00,\"currency\":\"EUR\",\"merchant\":\"m\","
              + "\"merchantCategory\":\"grocery\",\"country\":\"DE\",\"channel\":\"POS\","
              + "\"eventTime\":\""
              + FLUSH_TIME
              + "\"}");
    }
    return flush;
  }

  /**
   * The job's arguments for this scenario's topics, indices and accounts. The day is replayed at a
   * rate the job keeps up with, so its watermark must follow event time only: KafkaIO's default
   * moves it to the clock whenever the job catches up, and the rest of the day would be late.
   */
  List<String> pipelineArgs() {
    return List.of(
        "--watermarkFromEventTimeOnly=true",
        "--bootstrapServers=" + kafka.bootstrapServers(),
        "--elasticsearchUrl=" + elasticsearch.urls(),
        "--indexVersion=" + name,
        "--accounts=" + accounts,
        "--inputTopic=" + inputTopic,
        "--alertsTopic=" + alertsTopic,
        "--deadLetterTopic=" + deadLettersTopic,
        "--consumerGroup=" + name);
  }

  /** How many events the day has (the flush not counted). */
  int events() {
    return events.size();
  }

  /**
   * Makes {@link #send} stop after the first {@code count} events until {@link #resume} is called:
   * a fault can then strike with the rest of the day still to come.
   */
  void holdAfter(int count) {
    holdAfter = count;
  }

  /** Lets a held {@link #send} carry on. */
  void resume() {
    held.countDown();
  }

  /**
   * Sends the day's events at {@code ratePerSecond}, each acknowledged by Kafka, then the flush;
   * returns how many messages were sent.
   */
  long send(double ratePerSecond) {
    int hold = Math.min(holdAfter, events.size());
    long sent =
        KafkaReplay.send(
            kafka.bootstrapServers(),
            inputTopic,
            events.subList(0, hold),
            ratePerSecond,
            0,
            Duration.ZERO);
    if (hold < events.size()) {
      try {
        held.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while held", e);
      }
      sent +=
          KafkaReplay.send(
              kafka.bootstrapServers(),
              inputTopic,
              events.subList(hold, events.size()),
              ratePerSecond,
              0,
              Duration.ZERO);
    }
    List<ProducerRecord<String, String>> flush = new ArrayList<>();
    List<String> lines = flushLines();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      flush.add(
          new ProducerRecord<>(
              inputTopic,
              partition,
              Instant.parse(FLUSH_TIME).toEpochMilli(),
              "flush-" + partition,
              lines.get(partition)));
    }
    kafka.produce(flush);
    return sent + flush.size();
  }

  /** Whether every output holds at least what the model expects (it may still hold too much). */
  boolean complete() throws IOException {
    Counts counts = count();
    return counts.topicAlerts().lost() == 0
        && counts.indexedAlerts().lost() == 0
        && counts.hourlyView().lost() == 0
        && counts.deadLetters().lost() == 0;
  }

  /** Counts every output against the model. */
  Counts count() throws IOException {
    List<String> topicAlerts = new ArrayList<>();
    for (ConsumerRecord<String, String> record : kafka.readAll(alertsTopic)) {
      topicAlerts.add(StreamingScenario.describe(JSON.readTree(record.value())));
    }
    List<String> indexed = new ArrayList<>();
    for (JsonNode hit : hits(alertsIndex)) {
      indexed.add(StreamingScenario.describe(hit.get("_source")));
    }
    List<String> hourly = new ArrayList<>();
    for (JsonNode hit : hits(hourlyIndex)) {
      JsonNode doc = hit.get("_source");
      if (doc.get("isFinal").asBoolean()
          && !org.joda.time.Instant.parse(doc.get("windowEnd").asText())
              .isAfter(org.joda.time.Instant.parse(FLUSH_TIME))) {
        hourly.add(
            String.join(
                "|",
                doc.get("key").asText(),
                doc.get("windowStart").asText(),
                doc.get("count").asText(),
                StreamingScenario.plain(new BigDecimal(doc.get("sum").asText()))));
      }
    }
    // A dead letter is one input message, named by its partition and offset; which messages are
    // malformed the model knows by count, not by offset. A write refused (a source of another
    // kind) is unexpected: a transient failure must never become a dead letter.
    List<String> deadLetters = new ArrayList<>();
    for (ConsumerRecord<String, String> record : kafka.readAll(deadLettersTopic)) {
      deadLetters.add(JSON.readTree(record.value()).get("source").asText());
    }
    Set<String> distinct = new HashSet<>(deadLetters);
    long fromInput =
        distinct.stream().filter(s -> s.startsWith("kafka:" + inputTopic + "/")).count();
    Tally letters =
        new Tally(
            expectedDeadLetters,
            deadLetters.size(),
            (int) Math.max(0, expectedDeadLetters - fromInput),
            deadLetters.size() - distinct.size(),
            (int) (distinct.size() - fromInput + Math.max(0, fromInput - expectedDeadLetters)));
    return new Counts(
        Tally.of(expectedAlerts, topicAlerts),
        Tally.of(expectedAlerts, indexed),
        Tally.of(expectedHourly, hourly),
        letters);
  }

  private List<JsonNode> hits(String index) throws IOException {
    List<JsonNode> hits = new ArrayList<>();
    if (elasticsearch.count(index) > 0) {
      JSON.readTree(elasticsearch.search(index)).get("hits").get("hits").forEach(hits::add);
    }
    return hits;
  }
}
