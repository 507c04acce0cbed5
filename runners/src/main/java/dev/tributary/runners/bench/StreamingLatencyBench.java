package dev.tributary.runners.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.banking.BankingModel;
import dev.tributary.banking.FraudThresholds;
import dev.tributary.banking.ForeignCountryRule;
import dev.tributary.banking.LargeAmountRule;
import dev.tributary.fraud.Alert;
import dev.tributary.infra.ElasticsearchServer;
import dev.tributary.infra.FreePort;
import dev.tributary.infra.KafkaServer;
import dev.tributary.pipelines.StreamingFraudDetectionPipeline;
import dev.tributary.runners.OutputFolders;
import dev.tributary.testdata.BankingGenerator;
import dev.tributary.testdata.Pacer;
import dev.tributary.transforms.RawRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.apache.beam.sdk.PipelineResult;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end latency of the streaming fraud job on Flink: a real Kafka and Elasticsearch on
 * loopback, the job on Flink's embedded cluster, and a producer sending generated transactions at
 * a fixed rate, each stamped with the time it is sent. The latency of an alert is the broker's
 * append time of the alert on the alerts topic minus the send time of the transaction that
 * raised it. Measured on the per-transaction rules (large_amount, foreign_country), which alert
 * as soon as a transaction is seen; velocity alerts wait, by design, until the watermark passes
 * the transaction's time plus the allowed lateness, and are only counted.
 */
final class StreamingLatencyBench {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingLatencyBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\":\"[^\"]*\"");
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
  private static final int PARTITIONS = 2;

  /** One measured alert: when its transaction was sent, how long until the alert was appended, and its rule. */
  private record Sample(long sentAtMillis, long latencyMs, String rule) {}

  /** Where {@link #main} writes its result, under the bench's output folder. */
  static final String RESULT_FILE = "streaming-result.json";

  private StreamingLatencyBench() {}

  /** Entry point of the streaming bench's own JVM: the bench's arguments in, {@link #RESULT_FILE} out. */
  public static void main(String[] args) throws Exception {
    Bench.Settings settings = Bench.Settings.parse(args);
    ObjectNode result = run(settings);
    Files.writeString(settings.out.resolve(RESULT_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    // The cancelled job's and the clients' threads need not be waited for.
    System.exit(0);
  }

  static ObjectNode run(Bench.Settings settings) throws Exception {
    Path dir = settings.out.resolve("streaming");
    OutputFolders.clear(dir); // fresh servers: no topics or offsets from an earlier run
    Files.createDirectories(dir);
    long events = (long) settings.rate * settings.durationSeconds;
    BankingGenerator.Settings generator = new BankingGenerator.Settings();
    generator.seed = settings.seed;
    generator.days = 1;
    generator.accounts = (int) Math.max(1, events / 8);
    BankingGenerator.Output data = BankingGenerator.generate(generator);
    List<String> lines = data.transactionLines().subList(0, (int) Math.min(events, data.transactionLines().size()));
    Path accounts = dir.resolve("accounts.jsonl");
    Files.write(accounts, data.accountLines());

    // The alerts the per-transaction rules must raise: they depend on amounts, countries and
    // accounts, not on time, so the model over the lines as generated predicts them.
    BankingModel.Result model = new BankingModel(FraudThresholds.DEFAULTS, 10)
        .run(RawRecord.ofLines("tx", lines), RawRecord.ofLines("accounts", data.accountLines()));
    Set<String> immediateRules = Set.of(LargeAmountRule.NAME, ForeignCountryRule.NAME);
    Map<String, String> expected = new HashMap<>(); // alert id -> transaction id
    for (Alert alert : model.alerts()) {
      if (immediateRules.contains(alert.rule)) {
        expected.put(alert.id, alert.transactionIds.get(alert.transactionIds.size() - 1));
      }
    }
    Set<String> watched = new HashSet<>(expected.values());

    try (KafkaServer kafka = KafkaServer.start(dir.resolve("kafka"), FreePort.next(), FreePort.next());
        ElasticsearchServer elasticsearch = ElasticsearchServer.start(dir.resolve("elasticsearch"), FreePort.next())) {
      String bootstrap = kafka.bootstrapServers();
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        admin.createTopics(List.of(
            new NewTopic("banking-transactions", PARTITIONS, (short) 1),
            // The broker stamps each alert with its append time: the end of the measured path.
            new NewTopic("fraud-alerts", PARTITIONS, (short) 1).configs(Map.of("message.timestamp.type", "LogAppendTime")),
            new NewTopic("banking-dead-letters", 1, (short) 1))).all().get();
      }
      List<String> jobArgs = new ArrayList<>(List.of(
          "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=" + settings.cores, "--attachedMode=false",
          "--checkpointingInterval=" + settings.checkpointMs,
          "--stateBackendStoragePath=" + dir.resolve("checkpoints").toAbsolutePath().toUri(),
          "--bootstrapServers=" + bootstrap,
          "--elasticsearchUrl=" + elasticsearch.url(), "--accounts=" + accounts, "--consumerGroup=bench"));
      if (!settings.flinkArgs.isBlank()) {
        jobArgs.addAll(List.of(settings.flinkArgs.trim().split("\\s+")));
      }
      if (jobArgs.stream().noneMatch(arg -> arg.startsWith("--stateBackend="))) {
        // Checkpoints to files, unless --flinkArgs names another backend: Flink's default (in the
        // JobManager's memory) refuses state above 5 MB, which this job passes within a minute at
        // 10,000 events/s; every refusal fails the job over.
        jobArgs.add("--stateBackend=filesystem");
      }
      LOG.info("Streaming job: {}", jobArgs);
      PipelineResult job = StreamingFraudDetectionPipeline.start(jobArgs.toArray(new String[0]));
      try {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        long[] velocityAlerts = new long[1];
        Set<String> seen = ConcurrentHashMap.newKeySet();
        long[] duplicates = new long[1];
        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread consumer = new Thread(
            () -> consume(bootstrap, sentAt, seen, duplicates, velocityAlerts, samples, stop), "alerts-consumer");
        consumer.setDaemon(true); // an error in the bench must end the JVM, not leave it consuming
        consumer.start();

        // Warm-up: one large transaction at a time until its alert comes back, so the measured
        // feed does not include the job's start.
        warmUp(bootstrap, data.accountLines().get(0), sentAt, seen);

        List<FeedLine> feedLines = lines.stream().map(line -> FeedLine.of(line, watched)).toList();
        long started = System.nanoTime();
        long feedStartedAtMillis = System.currentTimeMillis();
        long sent = feed(bootstrap, feedLines, settings.rate, sentAt);
        double feedSeconds = (System.nanoTime() - started) / 1e9;
        LOG.info("Sent {} events in {} s; waiting for the last alerts", sent, Math.round(feedSeconds * 10) / 10.0);
        // A job slower than the feed drains its backlog after the feed ends: wait for it, up to
        // ten minutes, and stop as soon as every expected alert is in.
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!seen.containsAll(expected.keySet()) && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        double drainedSeconds = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        consumer.join();

        List<String> csv = new ArrayList<>(List.of("sentAtMillis,latencyMs,rule"));
        samples.forEach(sample -> csv.add(sample.sentAtMillis() + "," + sample.latencyMs() + "," + sample.rule()));
        Files.write(dir.resolve("latencies.csv"), csv);
        long[] all = samples.stream().mapToLong(Sample::latencyMs).sorted().toArray();
        // The job starts cold (JIT, empty state): the second half of the feed shows it warmed up.
        long secondHalfFrom = feedStartedAtMillis + settings.durationSeconds * 500L;
        long[] secondHalf = samples.stream()
            .filter(sample -> sample.sentAtMillis() >= secondHalfFrom).mapToLong(Sample::latencyMs).sorted().toArray();
        Set<String> missing = new HashSet<>(expected.keySet());
        missing.removeAll(seen);
        ObjectNode result = JSON.createObjectNode()
            .put("runner", "FlinkRunner [local]").put("parallelism", settings.cores)
            .put("checkpointingIntervalMs", settings.checkpointMs).put("extraOptions", settings.flinkArgs)
            .put("targetRate", settings.rate).put("durationSeconds", settings.durationSeconds)
            .put("sent", sent).put("sendRate", Math.round(sent / feedSeconds))
            // events per second the job got through: all sent, over the time until the last expected alert
            .put("sustainedRate", Math.round(sent / drainedSeconds))
            .put("latencySamples", all.length)
            .put("p50Ms", percentile(all, 50)).put("p95Ms", percentile(all, 95)).put("p99Ms", percentile(all, 99))
            .put("secondHalfSamples", secondHalf.length).put("secondHalfP50Ms", percentile(secondHalf, 50))
            .put("secondHalfP95Ms", percentile(secondHalf, 95)).put("secondHalfP99Ms", percentile(secondHalf, 99))
            .put("minMs", all.length == 0 ? -1 : all[0]).put("maxMs", all.length == 0 ? -1 : all[all.length - 1])
            .put("expectedAlerts", expected.size()).put("receivedAlerts", expected.size() - missing.size())
            .put("lost", missing.size()).put("duplicated", duplicates[0]).put("velocityAlertsReceived", velocityAlerts[0]);
        LOG.info("Streaming: {}", result);
        return result;
      } finally {
        job.cancel();
      }
    }
  }

  /**
   * A line cut around its event time and its id looked up, before the feed starts: stamping it
   * while feeding is then a concatenation, and the producer takes less of the cores the job needs.
   */
  private record FeedLine(String beforeTime, @Nullable String afterTime, @Nullable String watchedId) {
    static FeedLine of(String line, Set<String> watched) {
      Matcher id = ID.matcher(line);
      String watchedId = id.find() && watched.contains(id.group(1)) ? id.group(1) : null;
      Matcher time = EVENT_TIME.matcher(line);
      if (!time.find()) {
        return new FeedLine(line, null, watchedId); // a malformed line goes as it is, for the dead letters
      }
      return new FeedLine(line.substring(0, time.start()) + "\"eventTime\":\"", "\"" + line.substring(time.end()), watchedId);
    }

    String stampedWith(String time) {
      return afterTime == null ? beforeTime : beforeTime + time + afterTime;
    }
  }

  /** Sends {@code lines} at {@code rate} per second, each stamped now; remembers when each watched one left. */
  private static long feed(String bootstrap, List<FeedLine> lines, int rate, Map<String, Long> sentAt) {
    Pacer pacer = new Pacer(rate);
    long sent = 0;
    long stampedAt = -1;
    String stamp = "";
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (FeedLine line : lines) {
        long now = System.currentTimeMillis();
        if (now != stampedAt) {
          stampedAt = now;
          stamp = Instant.ofEpochMilli(now).toString();
        }
        if (line.watchedId() != null) {
          sentAt.put(line.watchedId(), now);
        }
        producer.send(new ProducerRecord<>("banking-transactions", null, now, null, line.stampedWith(stamp)));
        sent++;
        if (!pacer.awaitTurn(sent)) {
          break;
        }
      }
      producer.flush();
    }
    return sent;
  }

  private static void warmUp(String bootstrap, String accountLine, Map<String, Long> sentAt, Set<String> seen) throws Exception {
    JsonNode account = JSON.readTree(accountLine);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (int i = 0; System.nanoTime() < deadline; i++) {
        String id = "warmup-" + i;
        long now = System.currentTimeMillis();
        sentAt.put(id, now);
        producer.send(new ProducerRecord<>("banking-transactions", null, now, null,
            "{\"id\":\"" + id + "\",\"accountId\":\"" + account.get("accountId").asText() + "\",\"amount\":99999.00,"
                + "\"currency\":\"EUR\",\"merchant\":\"warmup\",\"merchantCategory\":\"travel\",\"country\":\""
                + account.get("homeCountry").asText() + "\",\"channel\":\"ONLINE\",\"eventTime\":\"" + Instant.ofEpochMilli(now) + "\"}"));
        producer.flush();
        for (int wait = 0; wait < 20; wait++) {
          if (seen.contains(LargeAmountRule.NAME + ":" + id)) {
            LOG.info("Warm: the job answered warm-up transaction {}", i);
            return;
          }
          Thread.sleep(250);
        }
      }
    }
    throw new IllegalStateException("the streaming job raised no alert for the warm-up transactions within 3 minutes");
  }

  private static void consume(String bootstrap, Map<String, Long> sentAt, Set<String> seen,
      long[] duplicates, long[] velocityAlerts, List<Sample> samples, AtomicBoolean stop) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-latency",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("fraud-alerts"));
      while (!stop.get()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          JsonNode alert = JSON.readTree(record.value());
          String id = alert.get("id").asText();
          if (!seen.add(id)) {
            duplicates[0]++;
            continue;
          }
          String rule = alert.get("rule").asText();
          if (rule.equals(LargeAmountRule.NAME) || rule.equals(ForeignCountryRule.NAME)) {
            JsonNode ids = alert.get("transactionIds");
            Long sent = sentAt.get(ids.get(ids.size() - 1).asText());
            if (sent != null && !id.contains("warmup-")) {
              samples.add(new Sample(sent, record.timestamp() - sent, rule));
            }
          } else {
            velocityAlerts[0]++;
          }
        }
      }
    } catch (Exception e) {
      LOG.error("The alerts consumer failed", e);
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 1),
        new StringSerializer(), new StringSerializer());
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
