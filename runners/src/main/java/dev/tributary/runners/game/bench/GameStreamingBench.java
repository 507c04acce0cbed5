package dev.tributary.runners.game.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.infra.ElasticsearchServer;
import dev.tributary.infra.FreePort;
import dev.tributary.infra.KafkaServer;
import dev.tributary.pipelines.game.StreamingGameEventsPipeline;
import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.runners.bench.Percentile;
import dev.tributary.runners.game.GameApiProcess;
import dev.tributary.transforms.game.GameView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming game pipeline's figures: at each of {@code --rates} requests per second for {@code
 * --duration} seconds, requests go through the API (its own JVM) into Kafka and through the
 * streaming pipeline on Flink (this JVM, early panes every second) into Elasticsearch. Each rate
 * uses a host of its own, whose all-time by-host document the bench reads every 100 ms. The k-th
 * event of the run is counted when the document first shows k or more; its latency runs from the
 * API's timestamp on it (when the request arrived) to then. A rate is kept up with when the count
 * reaches every event soon after the last request. Results to {@code game-streaming-results.*}.
 */
public final class GameStreamingBench {
  private static final Logger LOG = LoggerFactory.getLogger(GameStreamingBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int POLL_MILLIS = 100;

  private GameStreamingBench() {}

  public static void main(String[] args) {
    // The streaming job's threads outlive the work: the JVM ends when the bench does, or fails.
    ChildJvm.runThenExit(() -> bench(args));
  }

  private static void bench(String[] args) throws Exception {
    List<Integer> rates = List.of(500, 2_000, 5_000);
    int duration = 30;
    Path out = Path.of("target", "game-bench");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.equals("--help")) {
        System.out.println(
            "GameStreamingBench [--rates=500,2000,5000] [--duration=30] [--out=target/game-bench]");
        return;
      } else if (arg.startsWith("--rates=")) {
        rates = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
      } else if (arg.startsWith("--duration=")) {
        duration = Integer.parseInt(value);
      } else if (arg.startsWith("--out=")) {
        out = Path.of(value);
      } else {
        throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    Files.createDirectories(out);
    List<ObjectNode> rows = new ArrayList<>();
    Path data = Files.createTempDirectory("game-streaming-bench");
    try (KafkaServer kafka =
            KafkaServer.start(data.resolve("kafka"), FreePort.next(), FreePort.next());
        ElasticsearchServer elasticsearch =
            ElasticsearchServer.start(data.resolve("elasticsearch"), FreePort.next());
        GameApiProcess api =
            GameApiProcess.start(kafka.bootstrapServers(), out.resolve("game-api-streaming.log"))) {
      kafka.createTopic("events", 1);
      PipelineResult job =
          StreamingGameEventsPipeline.start(
              new String[] {
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=2",
                "--checkpointingInterval=10000",
                // Flink's default keeps checkpoints in the JobManager's memory and refuses state
                // over 5 MB, which the request ids remembered for de-duplication pass within a
                // minute at 2,000 events/s; every refusal fails the job over.
                "--stateBackend=filesystem",
                "--stateBackendStoragePath=" + data.resolve("checkpoints").toUri(),
                "--attachedMode=false",
                "--consumerGroup=bench-game",
                "--bootstrapServers=" + kafka.bootstrapServers(),
                "--elasticsearchUrl=" + elasticsearch.url(),
                "--warehouse=" + data.resolve("warehouse"),
                "--landEvery=PT10S",
                "--earlyFiringsEvery=PT1S"
              });
      try {
        String index = StreamingGameEventsPipeline.indexOf(GameView.BY_HOST, "v1");
        LOG.info("Warm-up, not measured: 500 requests/s for 15 s");
        run(out, api, kafka, elasticsearch.url() + "/" + index, "warm-up.example", 500, 15);
        for (int rate : rates) {
          String host = "bench-" + rate + ".example";
          rows.add(run(out, api, kafka, elasticsearch.url() + "/" + index, host, rate, duration));
        }
      } finally {
        job.cancel();
      }
    }
    StringBuilder md = new StringBuilder();
    md.append(
        "| requests/s asked | answered 200 | counted | drained after last request, s | latency p50 s | p99 s | max s |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode r : rows) {
      md.append(
          String.format(
              "| %,d | %,d | %,d | %.1f | %.2f | %.2f | %.2f |%n",
              r.get("rate").asInt(),
              r.get("ok").asLong(),
              r.get("counted").asLong(),
              r.get("drainSeconds").asDouble(),
              r.get("p50Seconds").asDouble(),
              r.get("p99Seconds").asDouble(),
              r.get("maxSeconds").asDouble()));
    }
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("game-streaming-results.json").toFile(), rows);
    Files.writeString(out.resolve("game-streaming-results.md"), md.toString());
    System.out.println(md);
  }

  private static ObjectNode run(
      Path out,
      GameApiProcess api,
      KafkaServer kafka,
      String indexUrl,
      String host,
      int rate,
      int duration)
      throws Exception {
    List<long[]> seen = new ArrayList<>(); // (wall-clock millis, count)
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest get = HttpRequest.newBuilder(URI.create(indexUrl + "/_doc/" + host)).build();
    boolean[] loadDone = {false};
    long[] expected = {Long.MAX_VALUE};
    Thread poller =
        new Thread(
            () -> {
              long giveUp = Long.MAX_VALUE;
              while (true) {
                long now = System.currentTimeMillis();
                long count = 0;
                try {
                  HttpResponse<String> response =
                      http.send(get, HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() == 200) {
                    count = JSON.readTree(response.body()).path("_source").path("events").asLong();
                  }
                } catch (Exception e) {
                  LOG.warn("Polling {} failed: {}", indexUrl, e.toString());
                }
                synchronized (seen) {
                  seen.add(new long[] {now, count});
                }
                if (loadDone[0] && giveUp == Long.MAX_VALUE) {
                  giveUp = now + 60_000;
                }
                if (count >= expected[0] || now > giveUp) {
                  return;
                }
                try {
                  Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "poll-" + host);
    poller.start();
    Path log = out.resolve("streaming-load-" + rate + ".log");
    LOG.info("{} requests/s for {} s as {}; log {}", rate, duration, host, log);
    JsonNode load =
        api.load(
            log,
            "--rate",
            "" + rate,
            "--duration",
            "" + duration,
            "--warmup",
            "0",
            "--path",
            "/purchase_a_sword",
            "--host",
            host);
    long ok = load.get("ok").asLong();

    List<Long> accepted = new ArrayList<>();
    for (ConsumerRecord<String, String> record : kafka.readAll("events")) {
      if (host.equals(record.key())) {
        accepted.add(
            Instant.parse(JSON.readTree(record.value()).get("timestamp").asText()).toEpochMilli());
      }
    }
    accepted.sort(Long::compare);
    long lastAccepted =
        accepted.isEmpty() ? System.currentTimeMillis() : accepted.get(accepted.size() - 1);
    expected[0] = accepted.size();
    loadDone[0] = true;
    poller.join();

    List<long[]> polls;
    synchronized (seen) {
      polls = new ArrayList<>(seen);
    }
    long counted = polls.isEmpty() ? 0 : polls.get(polls.size() - 1)[1];
    double[] latencies = new double[accepted.size()];
    int p = 0;
    long drainedAt = Long.MAX_VALUE;
    for (int k = 1; k <= accepted.size(); k++) {
      while (p < polls.size() && polls.get(p)[1] < k) {
        p++;
      }
      long countedAt = p < polls.size() ? polls.get(p)[0] : Long.MAX_VALUE;
      latencies[k - 1] = (countedAt - accepted.get(k - 1)) / 1000.0;
      if (k == accepted.size()) {
        drainedAt = countedAt;
      }
    }
    Arrays.sort(latencies);
    ObjectNode row = JSON.createObjectNode();
    row.put("rate", rate);
    row.put("host", host);
    row.put("ok", ok);
    row.put("inKafka", accepted.size());
    row.put("counted", counted);
    row.put("drainSeconds", (drainedAt - lastAccepted) / 1000.0);
    row.put("p50Seconds", Percentile.of(latencies, 50));
    row.put("p99Seconds", Percentile.of(latencies, 99));
    row.put("maxSeconds", latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1]);
    row.put("apiP99Ms", load.get("p99Ms").asDouble());
    LOG.info("{}", row);
    if (counted != accepted.size() || ok != accepted.size()) {
      throw new IllegalStateException(
          "at "
              + rate
              + " requests/s: "
              + ok
              + " answered 200, "
              + accepted.size()
              + " in Kafka, "
              + counted
              + " counted in the view");
    }
    return row;
  }
}
