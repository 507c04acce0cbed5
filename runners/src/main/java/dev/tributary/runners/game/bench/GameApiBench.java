package dev.tributary.runners.game.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.infra.FreePort;
import dev.tributary.infra.KafkaServer;
import dev.tributary.runners.game.GameApiProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game API's figures on this machine: a real Kafka broker, the API in its own JVM and the load
 * command in a third, all on the same cores. Throughput: requests answered per second at full speed
 * ({@code --requests} at {@code --concurrency}), measured by the load command and, when installed,
 * by Apache Bench; latency: p50 and p99 at a fixed rate in an open loop ({@code --rate} for {@code
 * --duration} seconds after {@code --warmup}). Every 200 must be an event in Kafka: the bench fails
 * unless the topic holds exactly as many events as requests were answered 200. Results go to {@code
 * game-api-results.json} and {@code .md} under {@code --out}.
 */
public final class GameApiBench {
  private static final Logger LOG = LoggerFactory.getLogger(GameApiBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private GameApiBench() {}

  public static void main(String[] args) throws Exception {
    int requests = 100_000;
    int concurrency = 64;
    int rate = 2_000;
    int duration = 30;
    int warmup = 5;
    Path out = Path.of("target", "game-bench");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.equals("--help")) {
        System.out.println(
            "GameApiBench [--requests=100000] [--concurrency=64] [--rate=2000] [--duration=30]"
                + " [--warmup=5] [--out=target/game-bench]");
        return;
      } else if (arg.startsWith("--requests=")) {
        requests = Integer.parseInt(value);
      } else if (arg.startsWith("--concurrency=")) {
        concurrency = Integer.parseInt(value);
      } else if (arg.startsWith("--rate=")) {
        rate = Integer.parseInt(value);
      } else if (arg.startsWith("--duration=")) {
        duration = Integer.parseInt(value);
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(value);
      } else if (arg.startsWith("--out=")) {
        out = Path.of(value);
      } else {
        throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    Files.createDirectories(out);
    List<ObjectNode> rows = new ArrayList<>();
    long ok = 0;
    try (KafkaServer kafka =
            KafkaServer.start(
                Files.createTempDirectory("game-bench-kafka"), FreePort.next(), FreePort.next());
        GameApiProcess api =
            GameApiProcess.start(kafka.bootstrapServers(), out.resolve("game-api.log"))) {
      kafka.createTopic("events", 1);
      String base = api.url().toString();
      LOG.info("Warming the API up: {} requests", requests / 5);
      ok +=
          load(
                  out,
                  api,
                  "warm-up",
                  "--requests",
                  "" + requests / 5,
                  "--concurrency",
                  "" + concurrency)
              .path("ok")
              .asLong();

      ObjectNode full =
          load(
              out,
              api,
              "full speed",
              "--requests",
              "" + requests,
              "--concurrency",
              "" + concurrency,
              "--path",
              "/purchase_a_sword",
              "--host",
              "user1.comcast.com");
      ok += full.path("ok").asLong();
      rows.add(full);

      ObjectNode ab = ab(out, base, requests, concurrency);
      if (ab != null) {
        ok += ab.path("ok").asLong();
        rows.add(ab);
      }

      ObjectNode fixed =
          load(
              out,
              api,
              rate + " requests/s",
              "--rate",
              "" + rate,
              "--duration",
              "" + duration,
              "--warmup",
              "" + warmup,
              "--path",
              "/purchase_a_shield",
              "--host",
              "user2.att.com");
      // The warm-up at the fixed rate is answered too, and stored.
      ok += fixed.path("ok").asLong() + fixed.path("warmupOk").asLong();
      rows.add(fixed);

      long stored = kafka.count("events");
      LOG.info("Answered 200: {}; events in Kafka: {}", ok, stored);
      for (ObjectNode row : rows) {
        row.put("eventsInKafka", stored);
      }
      if (stored != ok) {
        throw new IllegalStateException(
            "Kafka holds " + stored + " events but " + ok + " requests were answered 200");
      }
    }
    StringBuilder md = new StringBuilder();
    md.append(
        "| run | answered | 200 | no answer | seconds | requests/s | p50 ms | p99 ms | max ms |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode r : rows) {
      md.append(
          String.format(
              "| %s | %,d | %,d | %,d | %.1f | %,.0f | %.2f | %.2f | %.2f |%n",
              r.get("run").asText(),
              r.get("answered").asLong(),
              r.get("ok").asLong(),
              r.get("failed").asLong(),
              r.get("seconds").asDouble(),
              r.get("perSecond").asDouble(),
              r.path("p50Ms").asDouble(Double.NaN),
              r.path("p99Ms").asDouble(Double.NaN),
              r.path("maxMs").asDouble(Double.NaN)));
    }
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("game-api-results.json").toFile(), rows);
    Files.writeString(out.resolve("game-api-results.md"), md.toString());
    System.out.println(md);
  }

  /** Runs the load command against {@code api}; returns its JSON line, with the run's name. */
  private static ObjectNode load(Path out, GameApiProcess api, String run, String... args)
      throws Exception {
    Path log = out.resolve("load-" + run.replaceAll("[^a-z0-9]+", "-") + ".log");
    LOG.info("Load: {}; log {}", run, log);
    ObjectNode result = api.load(log, args);
    result.put("run", "GameLoad, " + run);
    LOG.info("{}", result);
    return result;
  }

  /** Apache Bench at full speed with keep-alive, when it is installed; null when it is not. */
  private static ObjectNode ab(Path out, String base, int requests, int concurrency)
      throws Exception {
    List<String> command =
        List.of(
            "ab",
            "-k",
            "-n",
            "" + requests,
            "-c",
            "" + concurrency,
            "-H",
            "Host: user3.verizon.com",
            base + "purchase_a_knife");
    Path log = out.resolve("load-ab.log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (java.io.IOException e) {
      LOG.warn("Apache Bench (ab) is not installed: apt-get install apache2-utils");
      return null;
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException("ab failed; see " + log);
    }
    String text = Files.readString(log);
    ObjectNode result = JSON.createObjectNode();
    result.put("run", "ab -k, full speed");
    long complete = number(text, "Complete requests:\\s+(\\d+)");
    long non2xx =
        text.contains("Non-2xx responses") ? number(text, "Non-2xx responses:\\s+(\\d+)") : 0;
    result.put("answered", complete);
    result.put("ok", complete - non2xx);
    result.put("failed", number(text, "Failed requests:\\s+(\\d+)"));
    result.put("seconds", Double.parseDouble(match(text, "Time taken for tests:\\s+([0-9.]+)")));
    result.put("perSecond", Double.parseDouble(match(text, "Requests per second:\\s+([0-9.]+)")));
    result.put("p50Ms", Double.parseDouble(match(text, "\\n\\s+50%\\s+(\\d+)")));
    result.put("p99Ms", Double.parseDouble(match(text, "\\n\\s+99%\\s+(\\d+)")));
    result.put("maxMs", Double.parseDouble(match(text, "\\n\\s+100%\\s+(\\d+)")));
    LOG.info("{}", result);
    return result;
  }

  private static long number(String text, String regex) {
    return Long.parseLong(match(text, regex));
  }

  private static String match(String text, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("ab's output lacks " + regex);
    }
    return m.group(1);
  }
}
