package dev.tributary.runners.banking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.detect.Alert;
import dev.tributary.infra.ElasticsearchServer;
import dev.tributary.infra.FreePort;
import dev.tributary.infra.KafkaServer;
import dev.tributary.options.KafkaOptions;
import dev.tributary.options.OptionValues;
import dev.tributary.pipelines.banking.StreamingFraudDetectionPipeline;
import dev.tributary.runners.OutputFolders;
import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.runners.bench.Percentile;
import dev.tributary.testdata.Pacer;
import dev.tributary.testdata.banking.BankingGenerator;
import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.banking.BankingModel;
import dev.tributary.transforms.banking.ForeignCountryRule;
import dev.tributary.transforms.banking.FraudThresholds;
import dev.tributary.transforms.banking.LargeAmountRule;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
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
 * loopback, the job on Flink's embedded cluster, and a producer sending generated transactions at a
 * fixed rate, each stamped with the time it is sent. The latency of an alert is the broker's append
 * time of the alert on the alerts topic minus the send time of the transaction that raised it.
 * Measured on the per-transaction rules (large_amount, foreign_country), which alert as soon as a
 * transaction is seen; velocity alerts wait, by design, until the watermark passes the
 * transaction's time plus the allowed lateness, and are only counted.
 */
final class StreamingLatencyBench {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingLatencyBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\":\"([^\"]*)\"");
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
  private static final int PARTITIONS = 2;
  private static final String DEAD_LETTERS_TOPIC = "banking-dead-letters";

  /** How many duplicated alerts the results describe, copy by copy. */
  private static final int MAX_DUPLICATE_EXAMPLES = 20;

  /**
   * One measured alert: when its transaction was sent, how long until the alert was appended, its
   * rule, and whether its transaction was in the warm-up feed.
   */
  private record Sample(long sentAtMillis, long latencyMs, String rule, boolean warmUp) {}

  /**
   * One velocity alert read: when the broker appended it, and whether a warm-up transaction raised
   * it.
   */
  private record VelocityAlertRead(long appendedAtMillis, boolean warmUp) {}

  /** Where {@link #main} writes its result, under the bench's output folder. */
  static final String RESULT_FILE = "streaming-result.json";

  private StreamingLatencyBench() {}

  /**
   * Entry point of the streaming bench's own JVM: the bench's arguments in, {@link #RESULT_FILE}
   * out.
   */
  public static void main(String[] args) {
    ChildJvm.runThenExit(
        () -> {
          Bench.Settings settings = Bench.Settings.parse(args);
          ObjectNode result = run(settings);
          Files.writeString(
              settings.out.resolve(RESULT_FILE),
              JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        });
  }

  static ObjectNode run(Bench.Settings settings) throws Exception {
    Path dir = settings.out.resolve("streaming");
    OutputFolders.clear(dir); // fresh servers: no topics or offsets from an earlier run
    Files.createDirectories(dir);
    // Only the lines to send and the alerts to expect stay in memory: the generator's output and
    // the model would otherwise be old-generation garbage the job's collector marks again and
    // again.
    FeedPlan plan = FeedPlan.of(settings, dir.resolve("accounts.jsonl"));
    Map<String, String> expected = plan.expected();
    Path accounts = plan.accounts();

    try (KafkaServer kafka =
            KafkaServer.start(dir.resolve("kafka"), FreePort.next(), FreePort.next());
        ElasticsearchServer elasticsearch =
            ElasticsearchServer.start(dir.resolve("elasticsearch"), FreePort.next())) {
      String bootstrap = kafka.bootstrapServers();
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        admin
            .createTopics(
                List.of(
                    new NewTopic("banking-transactions", PARTITIONS, (short) 1),
                    // The broker stamps each alert with its append time: the end of the measured
                    // path.
                    new NewTopic("fraud-alerts", PARTITIONS, (short) 1)
                        .configs(Map.of("message.timestamp.type", "LogAppendTime")),
                    new NewTopic(DEAD_LETTERS_TOPIC, 1, (short) 1)))
            .all()
            .get();
      }
      List<String> jobArgs =
          new ArrayList<>(
              List.of(
                  "--runner=FlinkRunner",
                  "--flinkMaster=[local]",
                  "--parallelism=" + settings.cores,
                  "--attachedMode=false",
                  "--checkpointingInterval=" + settings.checkpointMs,
                  "--stateBackendStoragePath="
                      + dir.resolve("checkpoints").toAbsolutePath().toUri(),
                  "--bootstrapServers=" + bootstrap,
                  "--elasticsearchUrl=" + elasticsearch.url(),
                  "--accounts=" + accounts,
                  "--consumerGroup=bench",
                  "--deadLetterTopic=" + DEAD_LETTERS_TOPIC));
      if (!settings.flinkArgs.isBlank()) {
        jobArgs.addAll(List.of(settings.flinkArgs.trim().split("\\s+")));
      }
      @Nullable String velocityWindow = null;
      if (settings.scaledVelocityWindow
          && jobArgs.stream().noneMatch(arg -> arg.startsWith("--velocityWindow="))) {
        velocityWindow = scaledVelocityWindow(settings.durationSeconds);
        jobArgs.add("--velocityWindow=" + velocityWindow);
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
        List<VelocityAlertRead> velocityAlerts =
            java.util.Collections.synchronizedList(new ArrayList<>());
        // Each alert read, by id, with where its first copy was read: a duplicate is then described
        // copy by copy.
        Map<String, AlertCopy> firstCopies = new ConcurrentHashMap<>();
        Set<String> seen = firstCopies.keySet();
        long[] duplicates = new long[1];
        List<ObjectNode> duplicateExamples =
            java.util.Collections.synchronizedList(new ArrayList<>());
        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread consumer =
            new Thread(
                () ->
                    consume(
                        bootstrap,
                        sentAt,
                        firstCopies,
                        duplicates,
                        duplicateExamples,
                        velocityAlerts,
                        samples,
                        stop),
                "alerts-consumer");
        consumer.setDaemon(true); // an error in the bench must end the JVM, not leave it consuming
        consumer.start();

        // One large transaction at a time until its alert comes back, so that the feed does not
        // include the job's deployment.
        awaitFirstAlert(bootstrap, plan.probeAccountLine(), sentAt, seen);

        if (settings.idleBeforeFeedSeconds > 0) {
          LOG.info("The job idles for {} s before the feed", settings.idleBeforeFeedSeconds);
          Thread.sleep(settings.idleBeforeFeedSeconds * 1000L);
        }
        @Nullable HourBoundary hour = null;
        if (settings.hourBoundaryAt != null) {
          hour =
              HourBoundary.next(
                  System.currentTimeMillis(),
                  plan.warmUpLines() * 1000L / settings.rate,
                  settings.hourBoundaryAt,
                  maxOutOfOrder(jobArgs));
          LOG.info(
              "Waiting until {} to start the feed, so that the watermark passes {} about {} s into the measured feed",
              Instant.ofEpochMilli(hour.feedStart()),
              Instant.ofEpochMilli(hour.boundary()),
              settings.hourBoundaryAt);
          Thread.sleep(Math.max(0, hour.feedStart() - System.currentTimeMillis()));
        }
        // One feed at one rate: the warm-up lines, then the measured ones.
        Feed fed =
            feed(
                bootstrap,
                plan.lines(),
                plan.warmUpLines(),
                settings.rate,
                sentAt,
                () -> CpuTimes.of(kafka, elasticsearch));
        long started = fed.measuredStartedAtNanos();
        long feedStartedAtMillis = fed.measuredStartedAtMillis();
        long sent = fed.measuredSent();
        double feedSeconds = (System.nanoTime() - started) / 1e9;
        LOG.info(
            "Sent {} events in {} s after {} of warm-up; waiting for the last alerts",
            sent,
            Math.round(feedSeconds * 10) / 10.0,
            plan.warmUpLines());
        // A job slower than the feed drains its backlog after the feed ends: wait for it, up to
        // ten minutes, and stop as soon as every expected alert is in.
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!seen.containsAll(expected.keySet()) && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        double drainedSeconds = (System.nanoTime() - started) / 1e9;
        // What the measured feed cost, from its first event until its last alert came back.
        CpuTimes cpu = CpuTimes.of(kafka, elasticsearch).minus(fed.cpuAtMeasuredStart());
        long deadLetters = awaitDeadLetters(kafka, plan.expectedDeadLetters());
        stop.set(true);
        consumer.join();

        List<String> csv = new ArrayList<>(List.of("sentAtMillis,latencyMs,rule,warmUp"));
        samples.forEach(
            sample ->
                csv.add(
                    sample.sentAtMillis()
                        + ","
                        + sample.latencyMs()
                        + ","
                        + sample.rule()
                        + ","
                        + sample.warmUp()));
        Files.write(dir.resolve("latencies.csv"), csv);
        long[] all =
            samples.stream()
                .filter(sample -> !sample.warmUp())
                .mapToLong(Sample::latencyMs)
                .sorted()
                .toArray();
        // The warm-up feed's alerts: how the job does while it starts cold.
        long[] cold =
            samples.stream().filter(Sample::warmUp).mapToLong(Sample::latencyMs).sorted().toArray();
        // The job starts cold (JIT, empty state): the second half of the feed shows it warmed up.
        long secondHalfFrom = feedStartedAtMillis + settings.durationSeconds * 500L;
        long[] secondHalf =
            samples.stream()
                .filter(sample -> !sample.warmUp() && sample.sentAtMillis() >= secondHalfFrom)
                .mapToLong(Sample::latencyMs)
                .sorted()
                .toArray();
        Set<String> missing = new HashSet<>(expected.keySet());
        missing.removeAll(seen);
        ArrayNode per10s = JSON.createArrayNode();
        perTenSeconds(samples, feedStartedAtMillis)
            .forEach(
                (from, latencies) ->
                    per10s
                        .addObject()
                        .put("fromSecond", from)
                        .put("samples", latencies.length)
                        .put("p50Ms", Percentile.of(latencies, 50))
                        .put("p99Ms", Percentile.of(latencies, 99))
                        .put("maxMs", latencies[latencies.length - 1]));
        ObjectNode result =
            JSON.createObjectNode()
                .put("runner", "FlinkRunner [local]")
                .put("parallelism", settings.cores)
                .put("jvmFlags", jvmFlags())
                .put("checkpointingIntervalMs", settings.checkpointMs)
                .put("extraOptions", settings.flinkArgs)
                .put("targetRate", settings.rate)
                .put("durationSeconds", settings.durationSeconds)
                .put("warmupSeconds", settings.warmupSeconds)
                .put("warmupEvents", plan.warmUpLines())
                .put("idleBeforeFeedSeconds", settings.idleBeforeFeedSeconds)
                .put("warmupSamples", cold.length)
                .put("warmupP50Ms", Percentile.of(cold, 50))
                .put("warmupP95Ms", Percentile.of(cold, 95))
                .put("warmupP99Ms", Percentile.of(cold, 99))
                .put("sent", sent)
                .put("sendRate", Math.round(sent / feedSeconds))
                // events per second the job got through: all sent, over the time until the last
                // expected alert
                .put("sustainedRate", Math.round(sent / drainedSeconds))
                .put("latencySamples", all.length)
                .put("p50Ms", Percentile.of(all, 50))
                .put("p95Ms", Percentile.of(all, 95))
                .put("p99Ms", Percentile.of(all, 99))
                .put("secondHalfSamples", secondHalf.length)
                .put("secondHalfP50Ms", Percentile.of(secondHalf, 50))
                .put("secondHalfP95Ms", Percentile.of(secondHalf, 95))
                .put("secondHalfP99Ms", Percentile.of(secondHalf, 99))
                .put("minMs", all.length == 0 ? -1 : all[0])
                .put("maxMs", all.length == 0 ? -1 : all[all.length - 1])
                .put("expectedAlerts", expected.size())
                .put("receivedAlerts", expected.size() - missing.size())
                .put("lost", missing.size())
                .put("duplicated", duplicates[0])
                .put("velocityAlertsReceived", velocityAlerts.size())
                .put("expectedDeadLetters", plan.expectedDeadLetters())
                .put("deadLetters", deadLetters)
                .put("cpuSecondsBenchJvm", seconds(cpu.benchJvm()))
                .put("cpuSecondsKafka", seconds(cpu.kafka()))
                .put("cpuSecondsElasticsearch", seconds(cpu.elasticsearch()))
                .put(
                    "benchJvmCpuMsPer1000Events",
                    sent == 0 ? 0 : Math.round(cpu.benchJvm().toMillis() * 10_000.0 / sent) / 10.0);
        if (hour != null) {
          result
              .put("hourBoundary", Instant.ofEpochMilli(hour.boundary()).toString())
              .put(
                  "hourBoundaryAtSecond",
                  Math.round((hour.watermarkPasses() - feedStartedAtMillis) / 100.0) / 10.0);
        }
        if (velocityWindow != null) {
          result.put("velocityWindow", velocityWindow);
        }
        result.set("per10s", per10s);
        result.set(
            "velocityAlertsPer10s",
            velocityAlertsPerTenSeconds(velocityAlerts, feedStartedAtMillis));
        result.set("duplicateExamples", JSON.valueToTree(List.copyOf(duplicateExamples)));
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
  record FeedLine(String beforeTime, @Nullable String afterTime, @Nullable String watchedId) {
    static FeedLine of(String line, Set<String> watched) {
      Matcher id = ID.matcher(line);
      String watchedId = id.find() && watched.contains(id.group(1)) ? id.group(1) : null;
      Matcher time = EVENT_TIME.matcher(line);
      if (!time.find() || !readsAsTime(time.group(1))) {
        // A malformed line goes as it is, for the dead letters: stamping a line whose time the
        // job refuses would mend it, and the job would take it for a transaction.
        return new FeedLine(line, null, watchedId);
      }
      return new FeedLine(
          line.substring(0, time.start()) + "\"eventTime\":\"",
          "\"" + line.substring(time.end()),
          watchedId);
    }

    /**
     * Whether the job reads {@code text} as an event time: by the job's own reader, and its own
     * refusal.
     */
    private static boolean readsAsTime(String text) {
      try {
        JsonFields.instantMillis("eventTime", text);
        return true;
      } catch (InvalidRecordException e) {
        return false;
      }
    }

    String stampedWith(String time) {
      return afterTime == null ? beforeTime : beforeTime + time + afterTime;
    }
  }

  /**
   * What the bench sends and expects: the warm-up lines then the measured ones, each cut for
   * stamping; the alerts the per-transaction rules must raise (alert id to transaction id); the
   * accounts file for the job (both feeds' accounts); and an account for the probe transactions.
   */
  private record FeedPlan(
      List<FeedLine> lines,
      int warmUpLines,
      Map<String, String> expected,
      long expectedDeadLetters,
      Path accounts,
      String probeAccountLine) {
    static FeedPlan of(Bench.Settings settings, Path accounts) throws java.io.IOException {
      long events = (long) settings.rate * settings.durationSeconds;
      BankingGenerator.Settings generator = new BankingGenerator.Settings();
      generator.seed = settings.seed;
      generator.days = 1;
      generator.accounts = (int) Math.max(1, events / 8);
      BankingGenerator.Output data = BankingGenerator.generate(generator);
      WarmUpData warmUp = WarmUpData.generate(settings);
      List<String> accountLines = new ArrayList<>(data.accountLines());
      accountLines.addAll(warmUp.accountLines());
      Files.write(accounts, accountLines);
      List<String> lines = new ArrayList<>(warmUp.transactionLines());
      lines.addAll(
          data.transactionLines()
              .subList(0, (int) Math.min(events, data.transactionLines().size())));

      // The per-transaction rules' alerts depend on amounts, countries and accounts, not on time,
      // so the model over the lines as generated predicts them.
      BankingModel.Result model =
          new BankingModel(FraudThresholds.DEFAULTS, 10)
              .run(RawRecord.ofLines("tx", lines), RawRecord.ofLines("accounts", accountLines));
      Set<String> immediateRules = Set.of(LargeAmountRule.NAME, ForeignCountryRule.NAME);
      Map<String, String> expected = new HashMap<>();
      for (Alert alert : model.alerts()) {
        if (immediateRules.contains(alert.rule)) {
          expected.put(alert.id, alert.triggeringRecordId());
        }
      }
      Set<String> watched = new HashSet<>(expected.values());
      List<FeedLine> feedLines = new ArrayList<>(lines.size());
      lines.forEach(line -> feedLines.add(FeedLine.of(line, watched)));
      return new FeedPlan(
          feedLines,
          warmUp.transactionLines().size(),
          expected,
          model.deadLetters().size(),
          accounts,
          data.accountLines().get(0));
    }
  }

  /**
   * The data of the warm-up feed: generated with a seed, accounts and transaction ids of its own,
   * so that it neither warms the measured accounts' state nor raises the measured alerts.
   */
  private record WarmUpData(List<String> transactionLines, List<String> accountLines) {
    /** What the warm-up's transaction ids start with. */
    static final String ID_PREFIX = "warmup-";

    static WarmUpData generate(Bench.Settings settings) {
      long events = (long) settings.rate * settings.warmupSeconds;
      if (events == 0) {
        return new WarmUpData(List.of(), List.of());
      }
      BankingGenerator.Settings generator = new BankingGenerator.Settings();
      generator.seed = settings.seed + 1;
      generator.days = 1;
      generator.accounts = (int) Math.max(1, events / 8);
      BankingGenerator.Output data = BankingGenerator.generate(generator);
      List<String> lines =
          data.transactionLines()
              .subList(0, (int) Math.min(events, data.transactionLines().size()));
      return new WarmUpData(
          lines.stream().map(WarmUpData::renamed).toList(),
          data.accountLines().stream().map(WarmUpData::renamed).toList());
    }

    private static String renamed(String line) {
      return line.replace("\"accountId\":\"acc-", "\"accountId\":\"warmup-acc-")
          .replace("\"id\":\"tx-", "\"id\":\"" + ID_PREFIX + "tx-")
          .replace("\"id\":\"bad-", "\"id\":\"" + ID_PREFIX + "bad-");
    }
  }

  /**
   * What {@link #feed} sent of the measured lines, when it started sending them, and the CPU used
   * until then.
   */
  private record Feed(
      long measuredSent,
      long measuredStartedAtMillis,
      long measuredStartedAtNanos,
      CpuTimes cpuAtMeasuredStart) {}

  /**
   * The CPU time used so far by each process of the run: this JVM (the Flink job, the feed's
   * producer and the alerts' consumer), Kafka and Elasticsearch. The difference of two is what a
   * stretch of the run cost, a steadier figure than the latency tail to compare changes by.
   */
  private record CpuTimes(Duration benchJvm, Duration kafka, Duration elasticsearch) {
    static CpuTimes of(KafkaServer kafka, ElasticsearchServer elasticsearch) {
      return new CpuTimes(
          ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO),
          kafka.cpuTime(),
          elasticsearch.cpuTime());
    }

    CpuTimes minus(CpuTimes earlier) {
      return new CpuTimes(
          benchJvm.minus(earlier.benchJvm),
          kafka.minus(earlier.kafka),
          elasticsearch.minus(earlier.elasticsearch));
    }
  }

  /**
   * Sends {@code lines} at {@code rate} per second, each stamped now; remembers when each watched
   * one left. The first {@code warmUpLines} are the warm-up.
   */
  private static Feed feed(
      String bootstrap,
      List<FeedLine> lines,
      int warmUpLines,
      int rate,
      Map<String, Long> sentAt,
      Supplier<CpuTimes> cpu) {
    Pacer pacer = new Pacer(rate);
    long sent = 0;
    long stampedAt = -1;
    String stamp = "";
    long measuredStartedAtMillis = System.currentTimeMillis();
    long measuredStartedAtNanos = System.nanoTime();
    CpuTimes cpuAtMeasuredStart = cpu.get();
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (FeedLine line : lines) {
        long now = System.currentTimeMillis();
        if (sent == warmUpLines) {
          measuredStartedAtMillis = now;
          measuredStartedAtNanos = System.nanoTime();
          cpuAtMeasuredStart = cpu.get();
          if (warmUpLines > 0) {
            LOG.info("Warm-up feed of {} events sent; measuring from now", warmUpLines);
          }
        }
        if (now != stampedAt) {
          stampedAt = now;
          stamp = Instant.ofEpochMilli(now).toString();
        }
        if (line.watchedId() != null) {
          sentAt.put(line.watchedId(), now);
        }
        producer.send(
            new ProducerRecord<>("banking-transactions", null, now, null, line.stampedWith(stamp)));
        sent++;
        if (!pacer.awaitTurn(sent)) {
          break;
        }
      }
      producer.flush();
    }
    return new Feed(
        Math.max(0, sent - warmUpLines),
        measuredStartedAtMillis,
        measuredStartedAtNanos,
        cpuAtMeasuredStart);
  }

  private static void awaitFirstAlert(
      String bootstrap, String accountLine, Map<String, Long> sentAt, Set<String> seen)
      throws Exception {
    JsonNode account = JSON.readTree(accountLine);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (int i = 0; System.nanoTime() < deadline; i++) {
        String id = "probe-" + i;
        long now = System.currentTimeMillis();
        sentAt.put(id, now);
        producer.send(
            new ProducerRecord<>(
                "banking-transactions",
                null,
                now,
                null,
                "{\"id\":\""
                    + id
                    + "\",\"accountId\":\""
                    + account.get("accountId").asText()
                    + "\",\"amount\":99999.00,"
                    + "\"currency\":\"EUR\",\"merchant\":\"probe\",\"merchantCategory\":\"travel\",\"country\":\""
                    + account.get("homeCountry").asText()
                    + "\",\"channel\":\"ONLINE\",\"eventTime\":\""
                    + Instant.ofEpochMilli(now)
                    + "\"}"));
        producer.flush();
        for (int wait = 0; wait < 20; wait++) {
          if (seen.contains(LargeAmountRule.NAME + ":" + id)) {
            LOG.info("Deployed: the job answered probe transaction {}", i);
            return;
          }
          Thread.sleep(250);
        }
      }
    }
    throw new IllegalStateException(
        "the streaming job raised no alert for the probe transactions within 3 minutes");
  }

  /**
   * The velocity window, as an ISO-8601 duration, that holds as many of the feed's transactions as
   * the default one holds of the generated day's: the feed sends a day in {@code feedSeconds}. The
   * generator keeps an account's normal transactions 90 s apart, so in generated time no 5 fall
   * within 5 minutes and only its injected bursts raise velocity alerts; re-stamped into minutes,
   * nearly every account would.
   */
  static String scaledVelocityWindow(int feedSeconds) {
    long millis =
        FraudThresholds.DEFAULTS.velocityWindow.getMillis()
            * feedSeconds
            / java.time.Duration.ofDays(1).getSeconds();
    return java.time.Duration.ofMillis(Math.max(1, millis)).toString();
  }

  /**
   * How many dead letters the job wrote, once there are as many as the model expects or a minute
   * after the last alert: the malformed lines are rejected as they arrive, so they are in by then.
   */
  private static long awaitDeadLetters(KafkaServer kafka, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    long count = kafka.count(DEAD_LETTERS_TOPIC);
    while (count < expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
      count = kafka.count(DEAD_LETTERS_TOPIC);
    }
    return count;
  }

  private static void consume(
      String bootstrap,
      Map<String, Long> sentAt,
      Map<String, AlertCopy> firstCopies,
      long[] duplicates,
      List<ObjectNode> duplicateExamples,
      List<VelocityAlertRead> velocityAlerts,
      List<Sample> samples,
      AtomicBoolean stop) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-latency",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of("fraud-alerts"));
      while (!stop.get()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          JsonNode alert = JSON.readTree(record.value());
          String id = alert.get("id").asText();
          AlertCopy copy =
              new AlertCopy(
                  record.partition(),
                  record.offset(),
                  record.timestamp(),
                  record.value().hashCode());
          AlertCopy first = firstCopies.putIfAbsent(id, copy);
          if (first != null) {
            duplicates[0]++;
            if (duplicateExamples.size() < MAX_DUPLICATE_EXAMPLES) {
              ObjectNode example = JSON.createObjectNode().put("id", id);
              example.set("first", first.toJson());
              example.set("again", copy.toJson());
              duplicateExamples.add(example);
              LOG.warn("Alert {} came twice: {}", id, example);
            }
            continue;
          }
          String rule = alert.get("rule").asText();
          // The transaction that raised the alert: the last of those it lists.
          JsonNode ids = alert.get("recordIds");
          String transactionId = ids.get(ids.size() - 1).asText();
          if (rule.equals(LargeAmountRule.NAME) || rule.equals(ForeignCountryRule.NAME)) {
            Long sent = sentAt.get(transactionId);
            if (sent != null && !transactionId.startsWith("probe-")) {
              samples.add(
                  new Sample(
                      sent,
                      record.timestamp() - sent,
                      rule,
                      transactionId.startsWith(WarmUpData.ID_PREFIX)));
            }
          } else {
            velocityAlerts.add(
                new VelocityAlertRead(
                    record.timestamp(), transactionId.startsWith(WarmUpData.ID_PREFIX)));
          }
        }
      }
    } catch (Exception e) {
      LOG.error("The alerts consumer failed", e);
    }
  }

  /**
   * Where one copy of an alert was read from the alerts topic, and a hash of its value, to compare
   * copies by.
   */
  private record AlertCopy(int partition, long offset, long appendedAtMillis, int valueHash) {
    ObjectNode toJson() {
      return JSON.createObjectNode()
          .put("partition", partition)
          .put("offset", offset)
          .put("appendedAt", Instant.ofEpochMilli(appendedAtMillis).toString())
          .put("valueHash", valueHash);
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 1),
        new StringSerializer(),
        new StringSerializer());
  }

  /** This JVM's heap, collector and other -X flags, for the results. */
  private static String jvmFlags() {
    return String.join(
        " ",
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(flag -> flag.startsWith("-X") && !flag.contains("IgnoreUnrecognized"))
            .toList());
  }

  private static double seconds(Duration cpu) {
    return Math.round(cpu.toMillis() / 100.0) / 10.0;
  }

  /**
   * When to start the feed so that the watermark passes the end of an hour a chosen number of
   * seconds into the measured feed: the moment every live account's hourly window falls due. The
   * clock decides when that is, not the bench: KafkaIO's watermark is the older of the clock and
   * the newest event time, minus the out-of-order bound, so event times stamped ahead of the clock
   * would not move it.
   *
   * @param boundary the end of the hour
   * @param watermarkPasses when, by the clock, the watermark passes it: the boundary plus the
   *     out-of-order bound
   * @param feedStart when the feed (its warm-up first) starts
   */
  record HourBoundary(long boundary, long watermarkPasses, long feedStart) {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    /**
     * The first hour whose end the watermark passes {@code atSecond} s into a measured feed that
     * starts no earlier than after the warm-up from {@code now}.
     */
    static HourBoundary next(long now, long warmUpMillis, int atSecond, Duration maxOutOfOrder) {
      long lead = warmUpMillis + atSecond * 1000L;
      long earliestBoundary = now + lead - maxOutOfOrder.toMillis();
      long boundary = Math.floorDiv(earliestBoundary + HOUR - 1, HOUR) * HOUR;
      long watermarkPasses = boundary + maxOutOfOrder.toMillis();
      return new HourBoundary(boundary, watermarkPasses, watermarkPasses - lead);
    }
  }

  /** The job's out-of-order bound, read from {@code jobArgs} and parsed as the job parses it. */
  private static Duration maxOutOfOrder(List<String> jobArgs) {
    KafkaOptions options =
        PipelineOptionsFactory.fromArgs(jobArgs.toArray(new String[0]))
            .withoutStrictParsing()
            .as(KafkaOptions.class);
    return Duration.ofMillis(
        OptionValues.duration("maxOutOfOrder", options.getMaxOutOfOrder()).getMillis());
  }

  /**
   * How many velocity alerts the broker appended in each 10 s from the measured feed's start (the
   * warm-up's before it count in the first), of the measured feed's accounts and of the warm-up's:
   * the load they add, which comes a lateness after their transactions.
   */
  private static ArrayNode velocityAlertsPerTenSeconds(
      List<VelocityAlertRead> alerts, long feedStartedAtMillis) {
    java.util.SortedMap<Long, long[]> counts = new java.util.TreeMap<>();
    synchronized (alerts) {
      for (VelocityAlertRead alert : alerts) {
        counts
            .computeIfAbsent(
                stretchOf(alert.appendedAtMillis(), feedStartedAtMillis), k -> new long[2])[
            alert.warmUp() ? 1 : 0]++;
      }
    }
    ArrayNode stretches = JSON.createArrayNode();
    counts.forEach(
        (from, count) ->
            stretches
                .addObject()
                .put("fromSecond", from)
                .put("measured", count[0])
                .put("warmUp", count[1]));
    return stretches;
  }

  /**
   * The first second of the 10 s of the measured feed that a time falls in; times before the feed
   * fall in the first.
   */
  private static long stretchOf(long millis, long feedStartedAtMillis) {
    return Math.max(0, (millis - feedStartedAtMillis) / 10_000) * 10;
  }

  /**
   * The measured latencies by 10 s of the measured feed (by send time), each sorted, keyed by the
   * stretch's first second.
   */
  private static java.util.SortedMap<Long, long[]> perTenSeconds(
      List<Sample> samples, long feedStartedAtMillis) {
    Map<Long, List<Long>> byStretch = new HashMap<>();
    synchronized (samples) {
      for (Sample sample : samples) {
        if (!sample.warmUp()) {
          byStretch
              .computeIfAbsent(
                  stretchOf(sample.sentAtMillis(), feedStartedAtMillis), k -> new ArrayList<>())
              .add(sample.latencyMs());
        }
      }
    }
    java.util.SortedMap<Long, long[]> sorted = new java.util.TreeMap<>();
    byStretch.forEach(
        (from, latencies) ->
            sorted.put(from, latencies.stream().mapToLong(Long::longValue).sorted().toArray()));
    return sorted;
  }
}
