package dev.tributary.runners.commerce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tributary.runners.OutputFolders;
import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.testdata.commerce.CommerceGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commerce bench: for each size, a generated orders CSV (seed 42), then each engine end to end
 * (CSV to views, tables, charts and report) in a JVM of its own, one after the other. Writes {@code
 * commerce-results.json} and {@code commerce-results.md} under {@code --out} and prints the table.
 * A row whose tables digest differs from plain Java's is a wrong answer, and fails the bench.
 */
public final class CommerceBench {
  private static final Logger LOG = LoggerFactory.getLogger(CommerceBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommerceBench() {}

  public static void main(String[] args) throws Exception {
    List<Long> sizes = List.of(100_000L);
    List<String> engines = List.of("plain-java", "beam-direct", "beam-flink", "beam-spark");
    int cores = Runtime.getRuntime().availableProcessors();
    String heap = "4g";
    Path out = Path.of("target", "commerce-bench");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.equals("--help")) {
        System.out.println(
            "CommerceBench [--sizes=100000,1000000] [--engines=plain-java,beam-direct,beam-flink,beam-spark]"
                + " [--cores=N (all)] [--heap=4g] [--out=target/commerce-bench]\n"
                + "Each engine runs the orders CSV to the report in a JVM of its own; the table gives pipeline,"
                + " report and total seconds, orders/s, CPU seconds, peak RSS and a digest of the tables.");
        return;
      } else if (arg.startsWith("--sizes=")) {
        sizes = List.of(value.split(",")).stream().map(Long::parseLong).toList();
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
    for (long size : sizes) {
      Path data = out.resolve("data-" + size);
      Path orders = data.resolve(CommerceGenerator.ORDERS_FILE);
      if (!Files.exists(orders)) {
        CommerceGenerator.Settings settings = new CommerceGenerator.Settings();
        settings.orders = Math.toIntExact(size);
        LOG.info("Generating {} orders into {}", size, data);
        CommerceGenerator.write(CommerceGenerator.generate(settings), data);
      }
      String reference = null;
      for (String engine : engines) {
        Path engineOut = out.resolve("out-" + size + "-" + engine);
        OutputFolders.clear(engineOut);
        Path log = out.resolve("run-" + size + "-" + engine + ".log");
        List<String> command =
            new ArrayList<>(ChildJvm.javaCommand(heap, List.of(), CommerceBenchRun.class));
        command.addAll(List.of(engine, orders.toString(), engineOut.toString(), "" + cores));
        LOG.info("{} orders on {}; log {}", size, engine, log);
        ChildJvm.runToLog(command, log, engine);
        JsonNode result = null;
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith(CommerceBenchRun.RESULT)) {
            result = JSON.readTree(line.substring(CommerceBenchRun.RESULT.length()));
          }
        }
        if (result == null) {
          throw new IllegalStateException(engine + " printed no result; see " + log);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) result).put("size", size);
        rows.add(result);
        LOG.info("{}", result);
        String digest = result.get("tablesDigest").asText();
        if (reference == null) {
          reference = digest;
        } else if (!reference.equals(digest)) {
          throw new IllegalStateException(
              engine + " gave other tables than " + engines.get(0) + " at " + size + " orders");
        }
      }
    }
    String table = table(rows, cores);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("commerce-results.json").toFile(), rows);
    Files.writeString(out.resolve("commerce-results.md"), table);
    System.out.println(table);
  }

  static String table(ArrayNode rows, int cores) {
    StringBuilder md = new StringBuilder();
    md.append("Cores: ")
        .append(cores)
        .append(
            ". Each row: one JVM, cold. run s: pipeline.run() to DONE (plain Java: read, model, write"
                + " the views); pipeline s: from the JVM's start, building the pipeline too; report s:"
                + " tables, charts and page; total s: both.\n\n");
    md.append(
        "| orders | engine | run s | pipeline s | report s | total s | orders/s (run) | CPU s | peak RSS MB | dead letters | tables digest |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (JsonNode r : rows) {
      md.append(
          String.format(
              "| %,d | %s | %.2f | %.2f | %.2f | %.2f | %,d | %.1f | %d | %,d | `%s` |%n",
              r.get("size").asLong(),
              r.get("engine").asText(),
              r.get("runSeconds").asDouble(),
              r.get("pipelineSeconds").asDouble(),
              r.get("reportSeconds").asDouble(),
              r.get("seconds").asDouble(),
              r.get("ordersPerSecond").asLong(),
              r.get("cpuSeconds").asDouble(),
              r.get("peakRssMb").asLong(),
              r.get("deadLetters").asLong(),
              r.get("tablesDigest").asText()));
    }
    return md.toString();
  }
}
