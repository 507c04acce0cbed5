package dev.tributary.runners.social.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.infra.ElasticsearchServer;
import dev.tributary.infra.FreePort;
import dev.tributary.infra.KafkaServer;
import dev.tributary.pipelines.social.SocialServingIndices;
import dev.tributary.pipelines.social.SocialSpeedLayerPipeline;
import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.runners.bench.Percentile;
import dev.tributary.testdata.social.SocialProducer;
import dev.tributary.transforms.social.SocialKind;
import dev.tributary.transforms.social.SocialView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed layer's figures, the seed's target being 5,000 messages/s with under 1 s from message
 * to searchable view document: at each of {@code --rates} messages per second for {@code
 * --duration} seconds, {@link SocialProducer} (this JVM) sends live posts, comments and user
 * updates to the three topics, and the speed layer on Flink (this JVM, early panes every {@code
 * --early}) serves the views. The bench searches the activity-per-minute view every 100 ms
 * (searchable: as any client sees it, after Elasticsearch's own refresh); the k-th post or comment
 * of a minute counts when that minute's document first shows k or more activities, and its latency
 * runs from when it was sent. At the end every minute's document must show every post and comment
 * sent in it: nothing lost. Results to {@code social-speed-results.*}.
 */
public final class SocialSpeedBench {
  private static final Logger LOG = LoggerFactory.getLogger(SocialSpeedBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int POLL_MILLIS = 100;

  private SocialSpeedBench() {}

  public static void main(String[] args) {
    ChildJvm.runThenExit(() -> bench(args));
  }

  /** One counted message: its minute (epoch millis), its ordinal in the minute, when sent. */
  private record Counted(long minute, long ordinal, long sentMillis) {}

  private static void bench(String[] args) throws Exception {
    List<Integer> rates = List.of(1_000, 5_000);
    int duration = 60;
    String early = "PT1S";
    int bundleMillis = 1_000;
    int warmup = 15;
    Path out = Path.of("target", "social-bench");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.equals("--help")) {
        System.out.println(
            "SocialSpeedBench [--rates=1000,5000] [--duration=60] [--early=PT1S] [--bundleMillis=1000] [--warmup=15]"
                + " [--out=target/social-bench]\n--bundleMillis is Flink's --maxBundleTimeMills: how long a"
                + " bundle (and the Elasticsearch bulk request it ends with) may stay open.");
        return;
      } else if (arg.startsWith("--rates=")) {
        rates = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
      } else if (arg.startsWith("--duration=")) {
        duration = Integer.parseInt(value);
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(value);
      } else if (arg.startsWith("--bundleMillis=")) {
        bundleMillis = Integer.parseInt(value);
      } else if (arg.startsWith("--early=")) {
        early = value;
      } else if (arg.startsWith("--out=")) {
        out = Path.of(value);
      } else {
        throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    Files.createDirectories(out);
    List<ObjectNode> rows = new ArrayList<>();
    Path data = Files.createTempDirectory("social-speed-bench");
    try (KafkaServer kafka =
            KafkaServer.start(data.resolve("kafka"), FreePort.next(), FreePort.next());
        ElasticsearchServer elasticsearch =
            ElasticsearchServer.start(data.resolve("elasticsearch"), FreePort.next())) {
      for (SocialKind kind : SocialKind.values()) {
        kafka.createTopic(kind.topic(), 3);
      }
      kafka.createTopic("reddit.dead-letters", 1);
      PipelineResult job =
          SocialSpeedLayerPipeline.start(
              new String[] {
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=2",
                "--checkpointingInterval=10000",
                // The JobManager's memory refuses checkpoints over 5 MB; the ids remembered for
                // de-duplication pass that within a minute at these rates.
                "--stateBackend=filesystem",
                "--stateBackendStoragePath=" + data.resolve("checkpoints").toUri(),
                "--attachedMode=false",
                "--consumerGroup=bench-social",
                "--bootstrapServers=" + kafka.bootstrapServers(),
                "--elasticsearchUrl=" + elasticsearch.url(),
                "--earlyFiringsEvery=" + early,
                "--maxBundleTimeMills=" + bundleMillis
              });
      String index =
          elasticsearch.url()
              + "/"
              + SocialServingIndices.indexOf(SocialView.ACTIVITY_PER_MINUTE.folder(), "v1");
      Map<Long, Long> sentPerMinute = new HashMap<>();
      try {
        LOG.info("Warm-up, not measured: 500 messages/s for {} s", warmup);
        run(kafka, index, sentPerMinute, 500, warmup, 1, "warm-up");
        long seed = 2;
        for (int rate : rates) {
          rows.add(run(kafka, index, sentPerMinute, rate, duration, seed++, "rate " + rate));
        }
      } finally {
        job.cancel();
      }
    }
    StringBuilder md = new StringBuilder();
    md.append(
        "| messages/s asked | sent | achieved/s | posts and comments | counted | lost | latency p50 s | p99 s | max s |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    md.insert(
        0, String.format("Early panes every %s, bundles up to %d ms.%n%n", early, bundleMillis));
    for (JsonNode r : rows) {
      md.append(
          String.format(
              "| %,d | %,d | %,.0f | %,d | %,d | %,d | %.2f | %.2f | %.2f |%n",
              r.get("rate").asInt(),
              r.get("sent").asLong(),
              r.get("achievedPerSecond").asDouble(),
              r.get("activities").asLong(),
              r.get("counted").asLong(),
              r.get("lost").asLong(),
              r.get("p50Seconds").asDouble(),
              r.get("p99Seconds").asDouble(),
              r.get("maxSeconds").asDouble()));
    }
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("social-speed-results.json").toFile(), rows);
    Files.writeString(out.resolve("social-speed-results.md"), md.toString());
    System.out.println(md);
    for (JsonNode r : rows) {
      if (r.get("lost").asLong() > 0) {
        throw new IllegalStateException(
            "at "
                + r.get("rate")
                + " messages/s, "
                + r.get("lost")
                + " posts and comments never showed");
      }
    }
  }

  private static ObjectNode run(
      KafkaServer kafka,
      String indexUrl,
      Map<Long, Long> sentPerMinute,
      int rate,
      int duration,
      long seed,
      String name)
      throws Exception {
    List<Counted> counted = new ArrayList<>();
    // (poll time, minute -> activities) of every poll
    List<Map.Entry<Long, Map<Long, Long>>> polls = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest search =
        HttpRequest.newBuilder(URI.create(indexUrl + "/_search?size=20&sort=windowStart:desc"))
            .build();
    boolean[] sendingDone = {false};
    Thread poller =
        new Thread(
            () -> {
              long giveUp = Long.MAX_VALUE;
              while (true) {
                long now = System.currentTimeMillis();
                Map<Long, Long> shown = new HashMap<>();
                try {
                  HttpResponse<String> response =
                      http.send(search, HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() == 200) {
                    for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
                      JsonNode doc = hit.path("_source");
                      shown.put(
                          java.time.Instant.parse(doc.path("windowStart").asText()).toEpochMilli(),
                          doc.path("activities").asLong());
                    }
                  }
                } catch (Exception e) {
                  LOG.warn("Polling {} failed: {}", indexUrl, e.toString());
                }
                boolean all;
                synchronized (polls) {
                  polls.add(Map.entry(now, shown));
                  all = sendingDone[0] && allShown(sentPerMinute, shown);
                }
                if (sendingDone[0] && giveUp == Long.MAX_VALUE) {
                  giveUp = now + 60_000;
                }
                if (all || now > giveUp) {
                  return;
                }
                try {
                  Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "poll-" + name);
    poller.start();
    SocialProducer.Settings settings = new SocialProducer.Settings();
    settings.bootstrapServers = kafka.bootstrapServers();
    settings.rate = rate;
    settings.durationSeconds = duration;
    settings.records.seed = seed * 1_000;
    settings.firstId = seed * 100_000_000L;
    LOG.info("{}: {} messages/s for {} s", name, rate, duration);
    SocialProducer.Summary summary =
        SocialProducer.send(
            settings,
            sent -> {
              if (sent.defect() == null && !sent.kind().equals("users")) {
                long minute = sent.at().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
                synchronized (polls) {
                  long ordinal = sentPerMinute.merge(minute, 1L, Long::sum);
                  counted.add(new Counted(minute, ordinal, sent.at().toEpochMilli()));
                }
              }
            });
    synchronized (polls) {
      sendingDone[0] = true;
    }
    poller.join();

    double[] latencies = new double[counted.size()];
    long seen = 0;
    // A poll that shows the k-th of a minute shows the (k-1)-th too: each minute's search resumes
    // at the poll where the one before it in that minute was found.
    Map<Long, Integer> resumeAt = new HashMap<>();
    for (int i = 0; i < counted.size(); i++) {
      Counted c = counted.get(i);
      long shownAt = Long.MAX_VALUE;
      int p = resumeAt.getOrDefault(c.minute(), 0);
      while (p < polls.size()
          && polls.get(p).getValue().getOrDefault(c.minute(), 0L) < c.ordinal()) {
        p++;
      }
      resumeAt.put(c.minute(), p);
      if (p < polls.size()) {
        shownAt = polls.get(p).getKey();
      }
      if (shownAt != Long.MAX_VALUE) {
        seen++;
      }
      latencies[i] =
          (shownAt == Long.MAX_VALUE
              ? Double.POSITIVE_INFINITY
              : (shownAt - c.sentMillis()) / 1000.0);
    }
    Arrays.sort(latencies);
    ObjectNode row = JSON.createObjectNode();
    row.put("rate", rate);
    row.put("seconds", duration);
    row.put("sent", summary.total());
    row.put("achievedPerSecond", summary.total() / summary.seconds());
    row.put("malformed", summary.malformed().values().stream().mapToLong(Long::longValue).sum());
    row.put("activities", counted.size());
    row.put("counted", seen);
    row.put("lost", counted.size() - seen);
    row.put("p50Seconds", Percentile.of(latencies, 50));
    row.put("p99Seconds", Percentile.of(latencies, 99));
    row.put("maxSeconds", latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1]);
    LOG.info("{}", row);
    return row;
  }

  private static boolean allShown(Map<Long, Long> sentPerMinute, Map<Long, Long> shown) {
    long latest = sentPerMinute.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    for (Map.Entry<Long, Long> minute : sentPerMinute.entrySet()) {
      // The poll sees the 20 latest minutes; older ones were checked when they were recent.
      if (latest - minute.getKey() < 15 * 60_000L
          && shown.getOrDefault(minute.getKey(), 0L) < minute.getValue()) {
        return false;
      }
    }
    return true;
  }
}
