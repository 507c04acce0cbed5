package dev.tributary.runners.gambling.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.runners.OutputFolders;
import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.testdata.gambling.GamblingGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gambling batch bench: for each scale of the seed's defaults (10 x: 87,000 records), the
 * generated files (seed 42), then each engine end to end (files to every view and the alerts) in a
 * JVM of its own, one after the other. Writes {@code gambling-results.json} and {@code
 * gambling-results.md} under {@code --out} and prints the table. A row whose digest differs from
 * the first engine's is a wrong answer, and fails the bench.
 */
public final class GamblingBench {
  private static final Logger LOG = LoggerFactory.getLogger(GamblingBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private GamblingBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> scales = List.of(10, 100);
    List<String> engines = List.of("plain-java", "beam-flink", "beam-spark");
    int cores = Runtime.getRuntime().availableProcessors();
    String heap = "6g";
    Path out = Path.of("target", "gambling-bench");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.equals("--help")) {
        System.out.println(
            "GamblingBench [--scales=10,100] [--engines=plain-java,beam-flink,beam-spark(,beam-direct)]"
                + " [--cores=N (all)] [--heap=6g] [--out=target/gambling-bench]\n"
                + "Each engine runs the generated files (the seed's defaults times each scale) to every"
                + " view and the alerts in a JVM of its own; the table gives run seconds, records/s, CPU"
                + " seconds, peak RSS, dead letters, alerts and a digest of the answers.");
        return;
      } else if (arg.startsWith("--scales=")) {
        scales = List.of(value.split(",")).stream().map(Integer::parseInt).toList();
      } else if (arg.startsWith("--engines=")) {
        engines = List.of(value.split(","));
      } else if (arg.startsWith("--cores=")) {
        cores = Integer.parseInt(value);
      } else if (arg.startsWith("--heap=")) {
        heap = value;
      } else if (arg.startsWith("--out=")) {
        out = Path.of(value);
      } else {
        throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    Files.createDirectories(out);
    ArrayNode rows = JSON.createArrayNode();
    for (int scale : scales) {
      Path data = out.resolve("data-x" + scale);
      if (!Files.exists(data.resolve("bets"))) {
        GamblingGenerator.Settings settings = new GamblingGenerator.Settings();
        settings.scale = scale;
        LOG.info("Generating the seed's defaults x{} into {}", scale, data);
        GamblingGenerator.write(GamblingGenerator.generate(settings), data.toString());
      }
      String reference = null;
      for (String engine : engines) {
        Path engineOut = out.resolve("out-x" + scale + "-" + engine);
        OutputFolders.clear(engineOut);
        Path log = out.resolve("run-x" + scale + "-" + engine + ".log");
        List<String> command =
            new ArrayList<>(ChildJvm.javaCommand(heap, List.of(), GamblingBenchRun.class));
        command.addAll(List.of(engine, data.toString(), engineOut.toString(), "" + cores));
        LOG.info("x{} on {}; log {}", scale, engine, log);
        ChildJvm.runToLog(command, log, engine);
        JsonNode result = null;
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith(GamblingBenchRun.RESULT)) {
            result = JSON.readTree(line.substring(GamblingBenchRun.RESULT.length()));
          }
        }
        if (result == null) {
          throw new IllegalStateException(engine + " printed no result; see " + log);
        }
        ((ObjectNode) result).put("scale", scale);
        rows.add(result);
        LOG.info("{}", result);
        String digest = result.get("digest").asText();
        if (reference == null) {
          reference = digest;
        } else if (!reference.equals(digest)) {
          throw new IllegalStateException(
              engine + " gave other answers than " + engines.get(0) + " at x" + scale);
        }
      }
    }
    String table = table(rows, cores);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("gambling-results.json").toFile(), rows);
    Files.writeString(out.resolve("gambling-results.md"), table);
    System.out.println(table);
  }

  static String table(ArrayNode rows, int cores) {
    StringBuilder md = new StringBuilder();
    md.append("Cores: ")
        .append(cores)
        .append(
            ". Each row: one JVM, cold. run s: pipeline.run() to DONE (plain Java: read, model,"
                + " write).\n\n");
    md.append(
        "| scale | records | engine | run s | records/s | CPU s | peak RSS MB | dead letters | alerts | digest |\n");
    md.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (JsonNode r : rows) {
      md.append(
          String.format(
              "| x%d | %,d | %s | %.2f | %,d | %.1f | %d | %,d | %,d | `%s` |%n",
              r.get("scale").asInt(),
              r.get("records").asLong(),
              r.get("engine").asText(),
              r.get("runSeconds").asDouble(),
              r.get("recordsPerSecond").asLong(),
              r.get("cpuSeconds").asDouble(),
              r.get("peakRssMb").asLong(),
              r.get("deadLetters").asLong(),
              r.get("alerts").asLong(),
              r.get("digest").asText()));
    }
    return md.toString();
  }
}
