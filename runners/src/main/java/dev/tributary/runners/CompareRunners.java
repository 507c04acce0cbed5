package dev.tributary.runners;

import dev.tributary.pipelines.FraudDetectionPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fraud pipeline over the same input on the Direct, Flink ({@code [local]}) and Spark
 * ({@code local[2]}) runners, one after the other in this JVM, and checks that every output folder
 * holds exactly the same records on each. Prints one row per runner; exits 1 if any output differs.
 *
 * <pre>
 * mvn -q install -DskipTests &amp;&amp; mvn -q exec:java -pl runners \
 *   -Dexec.mainClass=dev.tributary.runners.CompareRunners \
 *   -Dexec.args="--input=test-data/banking/sample/transactions.jsonl --accounts=test-data/banking/sample/accounts.jsonl"
 * </pre>
 */
public final class CompareRunners {
  private static final Logger LOG = LoggerFactory.getLogger(CompareRunners.class);

  /** Each runner and the options that point it at an embedded cluster on this machine. */
  public static final Map<String, List<String>> RUNNERS =
      Map.of(
          "direct", List.of("--runner=DirectRunner"),
          "flink", List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"),
          "spark", List.of("--runner=SparkRunner", "--sparkMaster=local[2]"));

  static final List<String> OUTPUTS =
      List.of(
          FraudDetectionPipeline.ALERTS,
          FraudDetectionPipeline.ACCOUNT_HOURLY,
          FraudDetectionPipeline.CATEGORY_DAILY,
          FraudDetectionPipeline.TOP_ACCOUNTS_DAILY,
          FraudDetectionPipeline.DEAD_LETTERS);

  /** One runner's run: its counters and, per output folder, its records sorted. */
  public record RunnerRun(String runner, FraudDetectionPipeline.Summary summary, Map<String, List<String>> records) {}

  private CompareRunners() {}

  public static void main(String[] args) {
    String input = null;
    String accounts = null;
    Path output = Path.of("target", "compare-runners");
    List<String> runners = List.of("direct", "flink", "spark");
    for (String arg : args) {
      if (arg.equals("--help")) {
        System.out.println("CompareRunners --input=GLOB --accounts=GLOB [--output=DIR (target/compare-runners)] [--runners=direct,flink,spark]");
        return;
      }
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "--input" -> input = kv[1];
        case "--accounts" -> accounts = kv[1];
        case "--output" -> output = Path.of(kv[1]);
        case "--runners" -> runners = List.of(kv[1].split(","));
        default -> throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    if (input == null || accounts == null) {
      throw new IllegalArgumentException("--input and --accounts are required; see --help");
    }
    List<RunnerRun> runs = run(input, accounts, output, runners);
    print(runs);
    if (!differences(runs).isEmpty()) {
      differences(runs).forEach(System.out::println);
      System.exit(1);
    }
  }

  /** Runs the pipeline once per runner, each into {@code output/<runner>}. */
  public static List<RunnerRun> run(String input, String accounts, Path output, List<String> runners) {
    List<RunnerRun> runs = new ArrayList<>();
    for (String runner : runners) {
      List<String> options = RUNNERS.get(runner);
      if (options == null) {
        throw new IllegalArgumentException("unknown runner '" + runner + "'; known: " + RUNNERS.keySet());
      }
      Path folder = output.resolve(runner);
      OutputFolders.clear(folder);
      List<String> args = new ArrayList<>(options);
      args.add("--input=" + input);
      args.add("--accounts=" + accounts);
      args.add("--output=" + folder);
      LOG.info("Running on {}: {}", runner, args);
      FraudDetectionPipeline.Summary summary = FraudDetectionPipeline.run(args.toArray(String[]::new));
      Map<String, List<String>> records = new LinkedHashMap<>();
      for (String name : OUTPUTS) {
        records.put(name, OutputFolders.sortedJsonLines(folder.resolve(name)));
      }
      runs.add(new RunnerRun(runner, summary, records));
    }
    return runs;
  }

  /** Every output in which a run's records differ from the first run's; empty when all agree. */
  public static List<String> differences(List<RunnerRun> runs) {
    List<String> differences = new ArrayList<>();
    RunnerRun reference = runs.get(0);
    for (RunnerRun run : runs.subList(1, runs.size())) {
      for (String name : OUTPUTS) {
        if (!run.records().get(name).equals(reference.records().get(name))) {
          differences.add(name + " on " + run.runner() + " differs from " + reference.runner() + ": "
              + run.records().get(name).size() + " vs " + reference.records().get(name).size() + " records");
        }
      }
    }
    return differences;
  }

  static void print(List<RunnerRun> runs) {
    System.out.println();
    System.out.printf("%-8s %9s %8s %8s %6s %8s %12s %9s %15s %s%n",
        "runner", "seconds", "read", "parsed", "dead", "alerts", "large_amount", "velocity", "foreign_country", "outputs");
    for (RunnerRun run : runs) {
      FraudDetectionPipeline.Summary s = run.summary();
      boolean same = OUTPUTS.stream().allMatch(n -> run.records().get(n).equals(runs.get(0).records().get(n)));
      System.out.printf("%-8s %9.1f %8d %8d %6d %8d %12d %9d %15d %s%n",
          run.runner(), s.millis() / 1000.0, s.read(), s.parsed(), s.deadLetters(), s.alerts(),
          s.alertsByRule().get("large_amount"), s.alertsByRule().get("velocity"), s.alertsByRule().get("foreign_country"),
          run == runs.get(0) ? "reference" : same ? "identical to " + runs.get(0).runner() : "DIFFERENT");
    }
  }
}
