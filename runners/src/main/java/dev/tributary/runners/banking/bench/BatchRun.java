package dev.tributary.runners.banking.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.pipelines.banking.FraudDetectionPipeline;
import dev.tributary.runners.OutputFolders;
import dev.tributary.runners.bench.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * One engine over one data set, in a JVM of its own so that its time and peak memory are its own.
 * Prints {@code BENCH-RESULT {json}}: engine, events, seconds, events per second, CPU seconds, peak
 * resident memory, dead letters, and the alerts as a count and a digest of their sorted ids.
 *
 * <p>{@code BatchRun <engine> <data dir> <output dir> <cores> [<more Beam options>]}, engine one of
 * {@link Engine}.
 */
public final class BatchRun {
  static final String RESULT = "BENCH-RESULT ";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a job found: records read, dead letters, and the ids of its alerts. */
  record Outcome(long read, long deadLetters, List<String> alertIds) {}

  /** The engines the bench compares. */
  enum Engine {
    PLAIN_JAVA("plain-java", "one thread, no framework (BankingModel)"),
    SPARK_NATIVE("spark-native", "Spark Dataset API, no Beam, local[cores]"),
    BEAM_SPARK("beam-spark", "Beam on the Spark runner, local[cores]"),
    BEAM_FLINK("beam-flink", "Beam on the Flink runner, embedded cluster, parallelism = cores"),
    BEAM_DIRECT("beam-direct", "Beam on the Direct runner, targetParallelism = cores");

    final String id;
    final String description;

    Engine(String id, String description) {
      this.id = id;
      this.description = description;
    }

    static Engine of(String id) {
      for (Engine engine : values()) {
        if (engine.id.equals(id)) {
          return engine;
        }
      }
      throw new IllegalArgumentException(
          "unknown engine '"
              + id
              + "'; one of: plain-java, spark-native, beam-spark, beam-flink, beam-direct");
    }
  }

  private BatchRun() {}

  public static void main(String[] args) {
    ChildJvm.runThenExit(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    Engine engine = Engine.of(args[0]);
    Path data = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int cores = Integer.parseInt(args[3]);
    List<String> more =
        args.length > 4 && !args[4].isBlank() ? List.of(args[4].trim().split("\\s+")) : List.of();
    int topK = 10;
    long started = System.nanoTime();
    Outcome outcome =
        switch (engine) {
          case PLAIN_JAVA -> PlainJavaFraudJob.run(data, out, topK);
          case SPARK_NATIVE -> SparkNativeFraudJob.run(data, out, topK, cores);
          case BEAM_SPARK ->
              beam(data, out, more, "--runner=SparkRunner", "--sparkMaster=local[" + cores + "]");
          case BEAM_FLINK ->
              beam(
                  data,
                  out,
                  more,
                  "--runner=FlinkRunner",
                  "--flinkMaster=[local]",
                  "--parallelism=" + cores);
          case BEAM_DIRECT ->
              beam(
                  data,
                  out,
                  more,
                  "--runner=DirectRunner",
                  "--targetParallelism=" + cores,
                  "--enforceImmutability=false",
                  "--enforceEncodability=false");
        };
    double seconds = (System.nanoTime() - started) / 1e9;
    List<String> ids = new ArrayList<>(outcome.alertIds());
    Collections.sort(ids);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String id : ids) {
      sha.update(id.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    ObjectNode result =
        JSON.createObjectNode()
            .put("engine", engine.id)
            .put("events", outcome.read())
            .put("seconds", Math.round(seconds * 100) / 100.0)
            .put("eventsPerSecond", Math.round(outcome.read() / seconds))
            .put("cpuSeconds", Math.round(ChildJvm.cpuSeconds() * 100) / 100.0)
            .put("peakRssMb", ChildJvm.peakRssMb())
            .put("deadLetters", outcome.deadLetters())
            .put("alerts", ids.size())
            .put("alertDigest", HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    System.out.println(RESULT + result);
    System.out.flush();
  }

  private static Outcome beam(Path data, Path out, List<String> more, String... runnerArgs)
      throws IOException {
    List<String> args = new ArrayList<>(List.of(runnerArgs));
    args.addAll(more);
    args.add("--input=" + BenchData.transactions(data));
    args.add("--accounts=" + BenchData.accounts(data));
    args.add("--output=" + out);
    FraudDetectionPipeline.Summary summary =
        FraudDetectionPipeline.run(args.toArray(new String[0]));
    List<String> ids = new ArrayList<>();
    for (String line : OutputFolders.sortedJsonLines(out.resolve(FraudDetectionPipeline.ALERTS))) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    return new Outcome(summary.read(), summary.deadLetters(), ids);
  }
}
