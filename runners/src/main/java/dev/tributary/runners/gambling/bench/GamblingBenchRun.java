package dev.tributary.runners.gambling.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.detect.Alert;
import dev.tributary.pipelines.gambling.GamblingAnalyticsPipeline;
import dev.tributary.runners.bench.BenchEngines;
import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.gambling.GamblingKind;
import dev.tributary.transforms.gambling.GamblingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One engine of the gambling bench, in its own JVM: the generated files through the analysis, every
 * view and the alerts written as JSON lines. Prints {@code BENCH-RESULT {json}}: engine, records,
 * run seconds (Beam: {@code pipeline.run()} to DONE; plain Java: reading, the model and writing),
 * CPU seconds, peak resident memory, dead letters, alerts, and a digest of the views and the alert
 * ids (equal digests: equal answers).
 *
 * <p>{@code GamblingBenchRun <engine> <data dir> <output dir> <cores>}, engine one of {@code
 * plain-java} ({@link GamblingModel}), {@code beam-direct}, {@code beam-flink}, {@code beam-spark}.
 */
public final class GamblingBenchRun {
  static final String RESULT = "BENCH-RESULT ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private GamblingBenchRun() {}

  public static void main(String[] args) {
    ChildJvm.runThenExit(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    String engine = args[0];
    Path data = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int cores = Integer.parseInt(args[3]);
    long started = System.nanoTime();
    long read;
    long deadLetters;
    long alerts;
    double runSeconds;
    if (engine.equals("plain-java")) {
      List<RawRecord> raw = new ArrayList<>();
      for (GamblingKind kind : GamblingKind.values()) {
        Path file = data.resolve(kind.folder()).resolve(kind.folder() + ".json");
        raw.addAll(RawRecord.ofLines(file.toString(), Files.readAllLines(file)));
      }
      GamblingModel.Result result = new GamblingModel().run(raw);
      result.views().forEach((folder, rows) -> BenchEngines.writeRows(out.resolve(folder), rows));
      List<String> ids = new ArrayList<>();
      for (Alert alert : result.alerts()) {
        ids.add("{\"id\":\"" + alert.id + "\"}");
      }
      BenchEngines.writeLines(out.resolve(GamblingAnalyticsPipeline.ALERTS), ids);
      read = raw.size();
      deadLetters = result.deadLetters().size();
      alerts = result.alerts().size();
      runSeconds = (System.nanoTime() - started) / 1e9;
    } else {
      List<String> pipelineArgs = new ArrayList<>(BenchEngines.runnerArgs(engine, cores));
      pipelineArgs.addAll(List.of("--data=" + data, "--output=" + out));
      GamblingAnalyticsPipeline.Summary summary =
          GamblingAnalyticsPipeline.run(pipelineArgs.toArray(new String[0]));
      read = summary.totalRead();
      deadLetters = summary.deadLetters();
      alerts = summary.alerts();
      runSeconds = summary.millis() / 1e3;
    }
    ObjectNode result =
        JSON.createObjectNode()
            .put("engine", engine)
            .put("records", read)
            .put("runSeconds", Math.round(runSeconds * 100) / 100.0)
            .put("recordsPerSecond", Math.round(read / runSeconds))
            .put("cpuSeconds", Math.round(ChildJvm.cpuSeconds() * 10) / 10.0)
            .put("peakRssMb", ChildJvm.peakRssMb())
            .put("deadLetters", deadLetters)
            .put("alerts", alerts)
            .put("digest", digest(out));
    System.out.println(RESULT + result);
    System.out.flush();
  }

  /**
   * SHA-256 over every view folder's lines, sorted, and the alert ids, sorted: the same answers
   * give the same digest whatever the files' sharding.
   */
  static String digest(Path out) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<String> folders = new ArrayList<>();
    try (Stream<Path> list = Files.list(out)) {
      list.filter(Files::isDirectory).forEach(p -> folders.add(p.getFileName().toString()));
    }
    folders.sort(null);
    for (String folder : folders) {
      if (folder.equals(GamblingAnalyticsPipeline.DEAD_LETTERS)) {
        continue;
      }
      List<String> lines = new ArrayList<>();
      try (Stream<Path> files = Files.list(out.resolve(folder))) {
        for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
          for (String line : Files.readAllLines(file)) {
            lines.add(
                folder.equals(GamblingAnalyticsPipeline.ALERTS)
                    ? JSON.readTree(line).get("id").asText()
                    : line);
          }
        }
      }
      lines.sort(null);
      sha.update(folder.getBytes(StandardCharsets.UTF_8));
      for (String line : lines) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }
}
