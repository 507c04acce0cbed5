package dev.tributary.runners.banking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.runners.OutputFolders;
import dev.tributary.runners.bench.ChildJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: the batch fraud job over one generated data set on every engine (plain Java,
 * native Spark, Beam on Spark, Flink and Direct), each in its own JVM, one table per size; then,
 * with {@code --streaming}, end-to-end latency of the streaming job on Flink fed from Kafka at a
 * fixed rate. Results go to {@code <out>/results.json} and {@code <out>/results.md}.
 *
 * <pre>
 * mvn -Pbench exec:exec -pl runners -Dbench.args="--sizes=100000,1000000 --streaming"
 * </pre>
 */
public final class Bench {
  private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The Direct runner is a testing runner: by default it runs only on data sets up to this size.
   */
  private static final long DIRECT_MAX_DEFAULT = 200_000;

  /** The bench's settings, from {@code --name=value} arguments. */
  static final class Settings {
    List<Long> sizes = List.of(1_000_000L);
    List<String> engines =
        List.of("plain-java", "spark-native", "beam-spark", "beam-flink", "beam-direct");

    /** False when --engines was given: then every named engine runs at every size. */
    boolean defaultEngines = true;

    int cores = Runtime.getRuntime().availableProcessors();
    long seed = 7;
    String heap = "6g";

    /**
     * More flags for each engine's JVM and the streaming bench's (collector, JIT), after the
     * bench's own.
     */
    String jvmArgs = "";

    /**
     * More flags for the streaming bench's JVM only, before {@link #jvmArgs}. The JVM's default
     * collector (G1) stays: the parallel one gave lower tails in 60 s runs but paused 6 s for full
     * collections in 180 s runs.
     */
    String streamingJvmArgs = "";

    Path out = Path.of("target/bench");
    boolean batch = true;
    boolean streaming = false;
    int rate = 10_000;
    int durationSeconds = 60;

    /**
     * Seconds of feed before the measured feed, from data of its own: the job is warm when
     * measuring starts.
     */
    int warmupSeconds = 30;

    long checkpointMs = 10_000;

    /**
     * Streaming: the second of the measured feed at which the watermark is to pass the end of an
     * hour; null: start at once.
     */
    @Nullable Integer hourBoundaryAt;

    /** Streaming: seconds the deployed job runs with no input before the feed starts. */
    int idleBeforeFeedSeconds = 0;

    /**
     * Streaming: pass the job a velocity window shrunk as the feed shrinks the generated day, so
     * that velocity alerts come at the generated data's rate (its injected bursts), not for nearly
     * every account.
     */
    boolean scaledVelocityWindow = false;

    /**
     * No deep copy of each record between chained steps, safe since no step changes its state in
     * place; unaligned checkpoints, so that a late barrier does not stop the source.
     */
    String flinkArgs = "--fasterCopy=true --unalignedCheckpointEnabled=true";

    String beamArgs = "";

    static Settings parse(String[] args) {
      Settings s = new Settings();
      for (String arg : args) {
        String[] kv = arg.replaceFirst("^--", "").split("=", 2);
        String value = kv.length > 1 ? kv[1] : "true";
        switch (kv[0]) {
          case "events", "sizes" -> s.sizes = longs(value);
          case "engines" -> {
            s.engines = List.of(value.split(","));
            s.defaultEngines = false;
          }
          case "cores" -> s.cores = Integer.parseInt(value);
          case "seed" -> s.seed = Long.parseLong(value);
          case "heap" -> s.heap = value;
          case "jvmArgs" -> s.jvmArgs = value;
          case "streamingJvmArgs" -> s.streamingJvmArgs = value;
          case "out" -> s.out = Path.of(value);
          case "streaming" -> s.streaming = Boolean.parseBoolean(value);
          case "batch" -> s.batch = Boolean.parseBoolean(value);
          case "rate" -> s.rate = Integer.parseInt(value);
          case "duration" -> s.durationSeconds = Integer.parseInt(value);
          case "warmup" -> s.warmupSeconds = Integer.parseInt(value);
          case "checkpointMs" -> s.checkpointMs = Long.parseLong(value);
          case "hourBoundaryAt" -> s.hourBoundaryAt = Integer.parseInt(value);
          case "idleBeforeFeed" -> s.idleBeforeFeedSeconds = Integer.parseInt(value);
          case "scaledVelocityWindow" -> s.scaledVelocityWindow = Boolean.parseBoolean(value);
          case "flinkArgs" -> s.flinkArgs = value;
          case "beamArgs" -> s.beamArgs = value;
          case "help" -> {
            usage();
            System.exit(0);
          }
          default -> {
            System.err.println("unknown option " + arg);
            usage();
            System.exit(2);
          }
        }
      }
      s.engines.forEach(BatchRun.Engine::of);
      return s;
    }

    private static List<Long> longs(String csv) {
      List<Long> values = new ArrayList<>();
      for (String v : csv.split(",")) {
        values.add(Long.parseLong(v.trim().replace("_", "")));
      }
      return values;
    }

    static void usage() {
      System.out.println(
          String.join(
              "\n",
              "Bench: the batch fraud job on every engine, and streaming latency on Flink.",
              "  --sizes=N[,N...]    events per data set (default 1000000; --events is the same)",
              "  --engines=a,b       of plain-java, spark-native, beam-spark, beam-flink, beam-direct",
              "                      (default: all, beam-direct only up to 200000 events)",
              "  --cores=C           cores the parallel engines use (default: all, here "
                  + Runtime.getRuntime().availableProcessors()
                  + ")",
              "  --heap=6g           -Xmx of each engine's JVM and the data generator's (16g for 10000000 events)",
              "  --jvmArgs=\"-XX:..\"  more flags for each engine's JVM and the streaming bench's (e.g. a collector)",
              "  --streamingJvmArgs=\"-XX:..\"  more flags for the streaming bench's JVM only (e.g. -XX:+UseParallelGC);",
              "                      that JVM always starts with its whole heap (-Xms = --heap)",
              "  --seed=7            the generator's seed",
              "  --out=target/bench  data sets, outputs, logs and results",
              "  --batch=false       skip the batch table",
              "  --streaming         also measure streaming latency on Flink (Kafka and Elasticsearch started here)",
              "  --rate=10000        streaming: events per second",
              "  --duration=60       streaming: seconds of feed",
              "  --warmup=30         streaming: seconds of feed at the same rate before the measured feed, from other",
              "                      accounts and transactions; its latencies are reported apart (0: the job starts cold)",
              "  --checkpointMs=10000  streaming: Flink's checkpointing interval",
              "  --hourBoundaryAt=S  streaming: wait (up to an hour) to start the feed when the watermark will pass the end of",
              "                      an hour S s into the measured feed, where every live hourly window's pane falls due",
              "                      (default: start at once; an hour's end falls where the clock puts it)",
              "  --idleBeforeFeed=0  streaming: seconds the deployed job runs with no input before the feed starts",
              "  --scaledVelocityWindow  streaming: the feed sends a generated day in --duration seconds; pass the job a",
              "                      --velocityWindow shrunk alike (5 min becomes 0.625 s for 180 s), so that velocity alerts",
              "                      come at the data's rate, not for nearly every account (default: the job's 5 minutes)",
              "  --flinkArgs=\"--fasterCopy=true --unalignedCheckpointEnabled=true\"  streaming: more pipeline options for the Flink job (replaces the default;\n"
                  + "                      --stateBackend=... replaces the bench's filesystem backend)",
              "  --beamArgs=\"--a=b\"  batch: more pipeline options for the Beam engines (e.g. --objectReuse=true with beam-flink only)"));
    }
  }

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Files.createDirectories(settings.out);
    ObjectNode results = JSON.createObjectNode();
    results.put("startedAt", Instant.now().toString());
    results.set("machine", machine(settings));
    StringBuilder markdown = new StringBuilder();
    if (settings.batch) {
      ArrayNode batch = results.putArray("batch");
      for (long size : settings.sizes) {
        List<JsonNode> rows = batchTable(settings, size);
        rows.forEach(batch::add);
        String table = BenchTables.batch(rows, settings.cores);
        System.out.println();
        System.out.println(table);
        markdown.append(table).append('\n');
      }
    }
    if (settings.streaming) {
      ObjectNode streaming = streamingInItsOwnJvm(settings, args);
      results.set("streaming", streaming);
      String table = BenchTables.streaming(streaming);
      System.out.println();
      System.out.println(table);
      markdown.append(table).append('\n');
    }
    Files.writeString(
        settings.out.resolve("results.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    Files.writeString(
        settings.out.resolve("results.md"),
        BenchTables.machine(results.get("machine")) + "\n" + markdown);
    LOG.info(
        "Results in {} and {}",
        settings.out.resolve("results.json"),
        settings.out.resolve("results.md"));
    List<String> problems = BenchTables.disagreements(results);
    if (!problems.isEmpty()) {
      problems.forEach(p -> LOG.error("{}", p));
      System.exit(1);
    }
  }

  /** Runs every engine over the data set of {@code size} events, each in its own JVM. */
  private static List<JsonNode> batchTable(Settings settings, long size)
      throws IOException, InterruptedException {
    Path data = dataSet(settings, size);
    List<JsonNode> rows = new ArrayList<>();
    for (String engine : settings.engines) {
      if (engine.equals("beam-direct") && settings.defaultEngines && size > DIRECT_MAX_DEFAULT) {
        LOG.info(
            "Skipping beam-direct at {} events (about 600 events/s here): name it in --engines to run it",
            size);
        continue;
      }
      Path out = settings.out.resolve("out-" + size + "-" + engine);
      OutputFolders.clear(out);
      Path log = settings.out.resolve("log-" + size + "-" + engine + ".txt");
      List<String> command = javaCommand(settings, List.of(), BatchRun.class);
      command.addAll(
          List.of(
              engine,
              data.toString(),
              out.toString(),
              String.valueOf(settings.cores),
              settings.beamArgs));
      LOG.info("{} over {} events (log: {})", engine, BenchData.size(data), log);
      ChildJvm.runToLog(command, log, engine);
      JsonNode row = null;
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith(BatchRun.RESULT)) {
          row = JSON.readTree(line.substring(BatchRun.RESULT.length()));
        }
      }
      if (row == null) {
        throw new IllegalStateException(engine + " printed no result; see " + log);
      }
      LOG.info(
          "{}: {} events in {} s, {} events/s, peak RSS {} MB",
          engine,
          row.get("events"),
          row.get("seconds"),
          row.get("eventsPerSecond"),
          row.get("peakRssMb"));
      rows.add(row);
    }
    return rows;
  }

  /**
   * The data set of {@code size} events, generated if missing in a JVM of its own with the engines'
   * heap: the generator holds all of it in memory, and 10M events need more than this launcher's 2
   * GB.
   */
  private static Path dataSet(Settings settings, long size)
      throws IOException, InterruptedException {
    Path dir = BenchData.folder(settings.out, size, settings.seed);
    if (BenchData.isComplete(dir)) {
      LOG.info("Reusing the data set in {}", dir);
      return dir;
    }
    Path log = settings.out.resolve("log-data-" + size + ".txt");
    List<String> command = javaCommand(settings, List.of(), BenchData.class);
    command.addAll(List.of(dir.toString(), String.valueOf(size), String.valueOf(settings.seed)));
    LOG.info("Generating about {} events into {} (log: {})", size, dir, log);
    ChildJvm.runToLog(command, log, "the data generator");
    return dir;
  }

  private static ObjectNode machine(Settings settings) throws IOException {
    ObjectNode machine = JSON.createObjectNode();
    machine.put("cpu", cpuModel());
    machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    machine.put("coresUsed", settings.cores);
    machine.put(
        "memoryGb",
        Math.round(
            ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize()
                / 1e9));
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("engineHeap", settings.heap);
    machine.put("engineJvmArgs", settings.jvmArgs);
    machine.put("streamingJvmArgs", "-Xms" + settings.heap + " " + settings.streamingJvmArgs);
    return machine;
  }

  private static String cpuModel() throws IOException {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.exists(cpuinfo)) {
      for (String line : Files.readAllLines(cpuinfo)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    }
    return System.getProperty("os.arch");
  }

  /**
   * Runs the streaming bench in a JVM of its own with the engines' heap, as each batch engine: the
   * Flink job, the producer with its prepared lines and the alerts' consumer all live in it. (It
   * ran in this launcher's 2 GB at first, and ran out of heap at 10,000 events/s for 180 s.)
   */
  private static ObjectNode streamingInItsOwnJvm(Settings settings, String[] args)
      throws IOException, InterruptedException {
    Path result = settings.out.resolve(StreamingLatencyBench.RESULT_FILE);
    Files.deleteIfExists(result);
    // The whole heap from the start: a heap growing during the feed cost the cold start seconds.
    List<String> jvmFlags = new ArrayList<>(List.of("-Xms" + settings.heap));
    jvmFlags.addAll(ChildJvm.flags(settings.streamingJvmArgs));
    List<String> command = javaCommand(settings, jvmFlags, StreamingLatencyBench.class);
    command.addAll(List.of(args));
    LOG.info(
        "Streaming bench in its own JVM (-Xmx{} {} {})", settings.heap, jvmFlags, settings.jvmArgs);
    ChildJvm.run(
        new ProcessBuilder(command).inheritIO(), "the streaming bench", "its log is above");
    if (!Files.exists(result)) {
      throw new IllegalStateException(
          "the streaming bench wrote no result to " + result + "; its log is above");
    }
    return (ObjectNode) JSON.readTree(result.toFile());
  }

  /**
   * The command that starts {@code mainClass} in a JVM of its own, with the engines' heap, then
   * {@code jvmFlags} and {@code --jvmArgs}.
   */
  private static List<String> javaCommand(
      Settings settings, List<String> jvmFlags, Class<?> mainClass) {
    List<String> flags = new ArrayList<>(jvmFlags);
    flags.addAll(ChildJvm.flags(settings.jvmArgs));
    return ChildJvm.javaCommand(settings.heap, flags, mainClass);
  }
}
