package dev.tributary.runners.gambling.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.detect.Alert;
import dev.tributary.infra.ElasticsearchServer;
import dev.tributary.infra.FreePort;
import dev.tributary.infra.KafkaServer;
import dev.tributary.pipelines.gambling.StreamingGamblingPipeline;
import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.runners.bench.Percentile;
import dev.tributary.testdata.gambling.GamblingGenerator;
import dev.tributary.testdata.gambling.GamblingProducer;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.gambling.DetectGamblingRisks;
import dev.tributary.transforms.gambling.GamblingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.beam.sdk.PipelineResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming gambling job's latency from a bet to its alert: {@link GamblingProducer} (this JVM)
 * sends the seed's mix at {@code --rate} messages per second for {@code --duration} seconds, each
 * stamped when sent; the job on Flink (this JVM) judges the rules; a consumer reads the alerts
 * topic. An alert's latency runs from its triggering record's time (= when it was sent: a bet for
 * unusual_bet and session_anomaly, a withdrawal, a session) to when the consumer received it. The
 * alerts must be exactly those the model finds over the messages as sent: none lost, none extra.
 * The rules judge a bet once the watermark (the newest time less {@code --maxOutOfOrder}) passes
 * its time plus {@code --allowedLateness}: their sum is the latency's floor. Results to {@code
 * gambling-alert-results.*}.
 */
public final class GamblingAlertBench {
  private static final Logger LOG = LoggerFactory.getLogger(GamblingAlertBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALERTS = "gambling-alerts";

  private GamblingAlertBench() {}

  public static void main(String[] args) {
    ChildJvm.runThenExit(() -> bench(args));
  }

  private static void bench(String[] args) throws Exception {
    int rate = 5_000;
    int duration = 60;
    int warmup = 10;
    int casesPerRule = 60;
    String early = "PT10S";
    int bundleMillis = 1_000;
    String maxOutOfOrder = "PT1S";
    String lateness = "PT1S";
    Path out = Path.of("target", "gambling-bench");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.equals("--help")) {
        System.out.println(
            "GamblingAlertBench [--rate=5000] [--duration=60] [--warmup=10] [--casesPerRule=60] [--maxOutOfOrder=PT1S]"
                + " [--early=PT10S (the views' early panes)] [--bundleMillis=1000]"
                + " [--allowedLateness=PT1S] [--out=target/gambling-bench]\n"
                + "Alerts of bets sent in the first --warmup seconds are not in the percentiles.");
        return;
      } else if (arg.startsWith("--rate=")) {
        rate = Integer.parseInt(value);
      } else if (arg.startsWith("--duration=")) {
        duration = Integer.parseInt(value);
      } else if (arg.startsWith("--early=")) {
        early = value;
      } else if (arg.startsWith("--bundleMillis=")) {
        bundleMillis = Integer.parseInt(value);
      } else if (arg.startsWith("--casesPerRule=")) {
        casesPerRule = Integer.parseInt(value);
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(value);
      } else if (arg.startsWith("--maxOutOfOrder=")) {
        maxOutOfOrder = value;
      } else if (arg.startsWith("--allowedLateness=")) {
        lateness = value;
      } else if (arg.startsWith("--out=")) {
        out = Path.of(value);
      } else {
        throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    Files.createDirectories(out);
    Path dir = Files.createTempDirectory("gambling-alert-bench");
    GamblingProducer.Settings settings = new GamblingProducer.Settings();
    settings.rate = rate;
    settings.durationSeconds = duration;
    // The world must hold the messages: transactions, 20% of them, bind first (about 650 a scale).
    settings.world.scale = (int) Math.ceil(0.2 * rate * duration / 600.0) + 1;
    // Bets trip a rule only in the injected cases, spread over the world's week, of which the
    // messages cover a part: many cases, so that enough fall in it.
    settings.world.casesPerRule = casesPerRule;
    LOG.info("Generating the world at scale {}", settings.world.scale);
    GamblingGenerator.Output world = GamblingGenerator.generate(settings.world);
    Path data = dir.resolve("gambling");
    GamblingGenerator.write(world, data.toString());
    List<RawRecord> sent = new ArrayList<>();
    Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    try (KafkaServer kafka =
            KafkaServer.start(dir.resolve("kafka"), FreePort.next(), FreePort.next());
        ElasticsearchServer elasticsearch =
            ElasticsearchServer.start(dir.resolve("elasticsearch"), FreePort.next())) {
      for (String topic : GamblingProducer.TOPICS) {
        kafka.createTopic(topic, 3);
      }
      kafka.createTopic(ALERTS, 1);
      kafka.createTopic("gambling-dead-letters", 1);
      settings.bootstrapServers = kafka.bootstrapServers();
      AtomicBoolean reading = new AtomicBoolean(true);
      Thread consumer =
          new Thread(() -> readAlerts(kafka.bootstrapServers(), reading, receivedAt), "alerts");
      consumer.start();
      PipelineResult job =
          StreamingGamblingPipeline.start(
              new String[] {
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=2",
                "--checkpointingInterval=10000",
                "--stateBackend=filesystem",
                "--stateBackendStoragePath=" + dir.resolve("checkpoints").toUri(),
                "--attachedMode=false",
                "--consumerGroup=bench-gambling",
                "--data=" + data,
                "--bootstrapServers=" + kafka.bootstrapServers(),
                "--elasticsearchUrl=" + elasticsearch.url(),
                "--maxOutOfOrder=" + maxOutOfOrder,
                "--allowedLateness=" + lateness,
                "--earlyFiringsEvery=" + early,
                "--maxBundleTimeMills=" + bundleMillis
              });
      GamblingProducer.Summary summary;
      long sendStart;
      try {
        // The job reads the players and games before it judges a bet.
        Thread.sleep(5_000);
        sendStart = System.currentTimeMillis();
        summary =
            GamblingProducer.send(
                settings,
                LOG::info,
                (message, text) ->
                    sent.add(
                        new RawRecord("kafka:" + message.topic() + "/0@" + sent.size(), text)));
        LOG.info(
            "Sent {} messages in {} s; waiting for the last alerts",
            summary.total(),
            summary.seconds());
        long quietSince = System.nanoTime();
        int seen = receivedAt.size();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(20).toNanos()) {
          Thread.sleep(500);
          if (receivedAt.size() != seen) {
            seen = receivedAt.size();
            quietSince = System.nanoTime();
          }
        }
      } finally {
        job.cancel();
        reading.set(false);
        consumer.join();
      }
      List<RawRecord> all = new ArrayList<>(sent);
      world
          .files()
          .forEach(
              (file, lines) -> {
                if (file.startsWith("players/") || file.startsWith("games/")) {
                  all.addAll(RawRecord.ofLines(data + "/" + file, lines));
                }
              });
      List<Alert> expected = new GamblingModel().run(all).alerts();
      ObjectNode row =
          report(
              rate,
              summary,
              expected,
              receivedAt,
              sendStart + warmup * 1000L,
              maxOutOfOrder,
              lateness,
              early,
              bundleMillis);
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(out.resolve("gambling-alert-results.json").toFile(), row);
      System.out.println(row.toPrettyString());
      if (row.get("lost").asLong() > 0 || row.get("extra").asLong() > 0) {
        throw new IllegalStateException("alerts lost or extra: " + row);
      }
    }
  }

  /** The alerts' counts against the model's, and the bet-triggered alerts' latencies. */
  private static ObjectNode report(
      int rate,
      GamblingProducer.Summary summary,
      List<Alert> expected,
      Map<String, Long> receivedAt,
      long measuredFrom,
      String maxOutOfOrder,
      String lateness,
      String early,
      int bundleMillis) {
    Set<String> expectedIds = new TreeSet<>();
    expected.forEach(a -> expectedIds.add(a.id));
    Set<String> lost = new TreeSet<>(expectedIds);
    lost.removeAll(receivedAt.keySet());
    Set<String> extra = new TreeSet<>(receivedAt.keySet());
    extra.removeAll(expectedIds);
    Map<String, List<Double>> perRule = new TreeMap<>();
    List<Double> bets = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (Alert a : expected) {
      Long at = receivedAt.get(a.id);
      if (at == null || a.detectionTime.getMillis() < measuredFrom) {
        continue;
      }
      // The triggering record's time is when it was sent.
      double latency = (at - a.detectionTime.getMillis()) / 1000.0;
      perRule.computeIfAbsent(a.rule, r -> new ArrayList<>()).add(latency);
      all.add(latency);
      if (a.rule.equals(DetectGamblingRisks.UNUSUAL_BET)
          || a.rule.equals(DetectGamblingRisks.SESSION_ANOMALY)) {
        bets.add(latency);
      }
    }
    ObjectNode row = JSON.createObjectNode();
    row.put("rate", rate);
    row.put("sent", summary.total());
    row.put("achievedPerSecond", Math.round(summary.total() / summary.seconds()));
    row.put("maxOutOfOrder", maxOutOfOrder);
    row.put("allowedLateness", lateness);
    row.put("earlyPanes", early);
    row.put("bundleMillis", bundleMillis);
    row.put("alertsExpected", expectedIds.size());
    row.put("alertsReceived", receivedAt.size());
    row.put("lost", lost.size());
    row.put("extra", extra.size());
    row.set("betTriggered", latencies(bets));
    row.set("allAlerts", latencies(all));
    ObjectNode rules = row.putObject("perRule");
    perRule.forEach((rule, l) -> rules.set(rule, latencies(l)));
    return row;
  }

  /** How many, and their p50, p99 and largest, in seconds. */
  private static ObjectNode latencies(List<Double> seconds) {
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    ObjectNode node = JSON.createObjectNode();
    node.put("measured", sorted.length);
    node.put("p50Seconds", sorted.length == 0 ? 0 : Percentile.of(sorted, 50));
    node.put("p99Seconds", sorted.length == 0 ? 0 : Percentile.of(sorted, 99));
    node.put("maxSeconds", sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    return node;
  }

  private static void readAlerts(String bootstrap, AtomicBoolean reading, Map<String, Long> at) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "alert-bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(ALERTS));
      while (reading.get()) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
          long now = System.currentTimeMillis();
          try {
            at.putIfAbsent(JSON.readTree(r.value()).get("id").asText(), now);
          } catch (java.io.IOException e) {
            throw new IllegalStateException("an alert that does not read: " + r.value(), e);
          }
        }
      }
    }
  }
}
