package dev.tributary.runners.commerce.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.pipelines.commerce.CommerceReportPipeline;
import dev.tributary.pipelines.commerce.report.CommerceReport;
import dev.tributary.runners.bench.BenchEngines;
import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.commerce.CommerceModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One engine of the commerce bench, in its own JVM: the orders CSV to the views, then the report
 * (tables, charts, page). Prints {@code BENCH-RESULT {json}}: engine, orders, run seconds (Beam:
 * {@code pipeline.run()} to DONE; plain Java: reading, the model and writing its views), pipeline
 * seconds (the same plus building the pipeline), report and total seconds, CPU seconds, peak
 * resident memory, dead letters, and a digest of the report's tables (equal digests: equal
 * answers).
 *
 * <p>{@code CommerceBenchRun <engine> <orders.csv> <output dir> <cores>}, engine one of {@code
 * plain-java} ({@link CommerceModel}), {@code beam-direct}, {@code beam-flink}, {@code beam-spark}.
 */
public final class CommerceBenchRun {
  static final String RESULT = "BENCH-RESULT ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommerceBenchRun() {}

  public static void main(String[] args) {
    ChildJvm.runThenExit(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    String engine = args[0];
    Path orders = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int cores = Integer.parseInt(args[3]);
    long started = System.nanoTime();
    long read;
    long deadLetters;
    double runSeconds;
    if (engine.equals("plain-java")) {
      List<String> lines = Files.readAllLines(orders, StandardCharsets.UTF_8);
      CommerceModel.Result result =
          new CommerceModel(10).run(RawRecord.ofLines(orders.toString(), lines));
      result.views().forEach((folder, rows) -> BenchEngines.writeRows(out.resolve(folder), rows));
      read = lines.size() - 1;
      deadLetters = result.deadLetters().size();
      // The report counts the dead letters from their folder.
      List<String> letters = new ArrayList<>();
      result.deadLetters().forEach(d -> letters.add("{}"));
      BenchEngines.writeLines(out.resolve(CommerceReportPipeline.DEAD_LETTERS), letters);
      runSeconds = (System.nanoTime() - started) / 1e9;
    } else {
      List<String> pipelineArgs = new ArrayList<>(BenchEngines.runnerArgs(engine, cores));
      pipelineArgs.addAll(List.of("--orders=" + orders, "--output=" + out, "--report=false"));
      CommerceReportPipeline.Summary summary =
          CommerceReportPipeline.run(pipelineArgs.toArray(new String[0]));
      read = summary.read();
      deadLetters = summary.deadLetters();
      runSeconds = summary.pipelineMillis() / 1e3;
    }
    double pipelineSeconds = (System.nanoTime() - started) / 1e9;
    CommerceReport.write(out.toString(), CommerceReportPipeline.DEAD_LETTERS);
    double seconds = (System.nanoTime() - started) / 1e9;
    ObjectNode result =
        JSON.createObjectNode()
            .put("engine", engine)
            .put("orders", read)
            .put("runSeconds", round(runSeconds))
            .put("pipelineSeconds", round(pipelineSeconds))
            .put("reportSeconds", round(seconds - pipelineSeconds))
            .put("seconds", round(seconds))
            .put("ordersPerSecond", Math.round(read / runSeconds))
            .put("cpuSeconds", round(ChildJvm.cpuSeconds()))
            .put("peakRssMb", ChildJvm.peakRssMb())
            .put("deadLetters", deadLetters)
            .put(
                "tablesDigest", tablesDigest(out.resolve(CommerceReport.FOLDER).resolve("tables")));
    System.out.println(RESULT + result);
    System.out.flush();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }

  /** SHA-256 of every table file, in name order: the same answers give the same digest. */
  static String tablesDigest(Path tables) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.list(tables)) {
      for (Path file : files.sorted().toList()) {
        sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(file));
      }
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }
}
