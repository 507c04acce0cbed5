package dev.tributary.runners;

import dev.tributary.pipelines.Domain;
import dev.tributary.pipelines.Domains;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a domain's batch pipeline over the same input on the Direct, Flink ({@code [local]}) and
 * Spark ({@code local[2]}) runners, one after the other in this JVM, and checks that every output
 * folder holds exactly the same records on each. Prints one row per runner; exits 1 if any output
 * differs. Every registered domain by default, each over its committed sample unless other options
 * are given: those go to the pipeline as they are.
 *
 * <pre>
 * mvn -q install -DskipTests &amp;&amp; mvn -q exec:java -pl runners -Dexec.args="--domains=banking"
 * </pre>
 */
public final class CompareRunners {
  private static final Logger LOG = LoggerFactory.getLogger(CompareRunners.class);

  /**
   * Each runner and the options that point it at an embedded cluster on this machine. The Direct
   * runner's immutability check is off: it walks the whole pipeline graph for every bundle (a
   * gambling sample ran 92 s with it, 34 s without), and what it checks, that no step changes its
   * input, the transforms' own tests check with it on.
   */
  public static final Map<String, List<String>> RUNNERS =
      Map.of(
          "direct", List.of("--runner=DirectRunner", "--enforceImmutability=false"),
          "flink", List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"),
          "spark", List.of("--runner=SparkRunner", "--sparkMaster=local[2]"));

  /** One runner's run: its counters and, per output folder, its records sorted. */
  public record RunnerRun(
      String runner, Domain.BatchRun summary, Map<String, List<String>> records) {}

  private CompareRunners() {}

  public static void main(String[] args) {
    List<Domain> domains = Domains.all();
    Path output = Path.of("target", "compare-runners");
    List<String> runners = List.of("direct", "flink", "spark");
    List<String> pipelineArgs = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--help")) {
        System.out.println(
            "CompareRunners [--domains=NAME,... (all: "
                + Domains.all().stream().map(Domain::name).toList()
                + ")] [--runners=direct,flink,spark] [--output=DIR (target/compare-runners)]"
                + " [any option of the domain's batch pipeline, e.g. --input=GLOB]");
        return;
      }
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "--domains" ->
            domains = List.of(kv[1].split(",")).stream().map(Domains::named).toList();
        case "--output" -> output = Path.of(kv[1]);
        case "--runners" -> runners = List.of(kv[1].split(","));
        default -> pipelineArgs.add(arg);
      }
    }
    boolean allSame = true;
    for (Domain domain : domains) {
      List<String> argsOfDomain =
          pipelineArgs.isEmpty() ? domain.sampleArgs(Path.of("")) : pipelineArgs;
      List<RunnerRun> runs = run(domain, argsOfDomain, output.resolve(domain.name()), runners);
      print(domain, runs);
      List<String> differences = differences(domain, runs);
      differences.forEach(System.out::println);
      allSame &= differences.isEmpty();
    }
    if (!allSame) {
      System.exit(1);
    }
  }

  /** Runs the domain's batch pipeline once per runner, each into {@code output/<runner>}. */
  public static List<RunnerRun> run(
      Domain domain, List<String> pipelineArgs, Path output, List<String> runners) {
    List<RunnerRun> runs = new ArrayList<>();
    for (String runner : runners) {
      List<String> options = RUNNERS.get(runner);
      if (options == null) {
        throw new IllegalArgumentException(
            "unknown runner '" + runner + "'; known: " + RUNNERS.keySet());
      }
      Path folder = output.resolve(runner);
      OutputFolders.clear(folder);
      List<String> args = new ArrayList<>(options);
      args.addAll(pipelineArgs);
      args.add("--output=" + folder);
      LOG.info("Running {} on {}: {}", domain.name(), runner, args);
      Domain.BatchRun summary = domain.runBatch(args.toArray(String[]::new));
      Map<String, List<String>> records = new LinkedHashMap<>();
      for (String name : domain.batchOutputs()) {
        records.put(name, OutputFolders.sortedJsonLines(folder.resolve(name)));
      }
      runs.add(new RunnerRun(runner, summary, records));
    }
    return runs;
  }

  /** Every output in which a run's records differ from the first run's; empty when all agree. */
  public static List<String> differences(Domain domain, List<RunnerRun> runs) {
    List<String> differences = new ArrayList<>();
    RunnerRun reference = runs.get(0);
    for (RunnerRun run : runs.subList(1, runs.size())) {
      for (String name : domain.batchOutputs()) {
        if (!run.records().get(name).equals(reference.records().get(name))) {
          differences.add(
              domain.name()
                  + ": "
                  + name
                  + " on "
                  + run.runner()
                  + " differs from "
                  + reference.runner()
                  + ": "
                  + run.records().get(name).size()
                  + " vs "
                  + reference.records().get(name).size()
                  + " records");
        }
      }
    }
    return differences;
  }

  /**
   * One row per runner: seconds, the domain's counters, and whether its outputs equal the first's.
   */
  static void print(Domain domain, List<RunnerRun> runs) {
    StringBuilder header = new StringBuilder(String.format("%-8s %9s", "runner", "seconds"));
    List<String> counters = List.copyOf(runs.get(0).summary().counts().keySet());
    counters.forEach(
        name -> header.append(String.format(" %" + Math.max(6, name.length()) + "s", name)));
    System.out.println();
    System.out.println(domain.name() + ":");
    System.out.println(header + " outputs");
    for (RunnerRun run : runs) {
      StringBuilder row =
          new StringBuilder(
              String.format("%-8s %9.1f", run.runner(), run.summary().millis() / 1000.0));
      for (String name : counters) {
        row.append(
            String.format(
                " %" + Math.max(6, name.length()) + "d",
                run.summary().counts().getOrDefault(name, 0L)));
      }
      boolean same = run.records().equals(runs.get(0).records());
      row.append(' ')
          .append(
              run == runs.get(0)
                  ? "reference"
                  : same ? "identical to " + runs.get(0).runner() : "DIFFERENT");
      System.out.println(row);
    }
  }
}
