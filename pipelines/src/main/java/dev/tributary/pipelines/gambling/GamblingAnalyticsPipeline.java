package dev.tributary.pipelines.gambling;

import static dev.tributary.transforms.TributaryMetrics.counter;

import dev.tributary.io.ReadLines;
import dev.tributary.io.WriteJsonLines;
import dev.tributary.options.gambling.GamblingAnalyticsOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.FinishedRun;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.gambling.DetectGamblingRisks;
import dev.tributary.transforms.gambling.GamblingKind;
import dev.tributary.transforms.gambling.GamblingOutputs;
import dev.tributary.transforms.gambling.RapidCashoutRule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gambling analytics in batch: the seed's files ({@code <data>/<entity>/*.json}, local or HDFS)
 * through {@code GamblingAnalysis}; each view as JSON lines in its own folder under {@code
 * --output} ({@code revenue-daily/}, {@code rtp-by-game/}, ...), the risk alerts in {@code
 * alerts/}, the dead letters in {@code dead-letters/}; with {@code --gamblingWarehouse}, the
 * records and views as Parquet tables ({@link GamblingWarehouse}); with {@code --serve}, the views
 * and alerts in Elasticsearch ({@link GamblingServing}).
 *
 * <p>Runs on any runner: {@code --runner=DirectRunner} (default), {@code FlinkRunner}, {@code
 * SparkRunner}.
 */
@Template(
    name = "Gambling_Analytics_Batch",
    displayName = "Gambling analytics (batch)",
    description =
        "Reads players, games, sessions, bets, transactions and events as JSON lines (the seed's layout, local or "
            + "HDFS) and computes gross gaming revenue by game, provider, type, day and month, RTP checks, payments, "
            + "platforms, player value, daily actives, retention, daily top 10s and the four risk rules; writes JSON "
            + "lines, optionally a Parquet warehouse and Elasticsearch views.",
    streaming = false,
    optionsClass = GamblingAnalyticsOptions.class)
public final class GamblingAnalyticsPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(GamblingAnalyticsPipeline.class);

  public static final String ALERTS = "alerts";
  public static final String DEAD_LETTERS = "dead-letters";

  /** The four rules, in the order the summary lists them. */
  public static final List<String> RULES =
      List.of(
          DetectGamblingRisks.UNUSUAL_BET,
          DetectGamblingRisks.MULTI_ACCOUNT,
          RapidCashoutRule.NAME,
          DetectGamblingRisks.SESSION_ANOMALY);

  /** Every output folder under --output. */
  public static final List<String> OUTPUTS = outputs();

  private GamblingAnalyticsPipeline() {}

  private static List<String> outputs() {
    List<String> folders = new ArrayList<>(GamblingServing.ID_FIELDS.keySet());
    folders.sort(null);
    folders.add(ALERTS);
    folders.add(DEAD_LETTERS);
    return List.copyOf(folders);
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.register(GamblingAnalyticsOptions.class);
      PipelineOptionsFactory.printHelp(System.out, GamblingAnalyticsOptions.class);
      return;
    }
    run(DefaultRunner.unlessGiven(args)).print(System.out);
  }

  /** Builds and runs the pipeline to the end; fails unless DONE. */
  public static Summary run(String[] args) {
    PipelineOptionsFactory.register(GamblingAnalyticsOptions.class);
    GamblingAnalyticsOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(GamblingAnalyticsOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    FinishedRun run = FinishedRun.of(pipeline);
    LOG.info("Finished in {} ms", run.millis());
    return Summary.of(TributaryMetrics.of(run.result()), options.getOutput(), run.millis());
  }

  /** Adds the whole batch job to {@code pipeline}: read, analyse, write. */
  public static GamblingOutputs buildPipeline(Pipeline pipeline, GamblingAnalyticsOptions options) {
    String data = options.getData().replaceAll("/+$", "");
    LOG.info(
        "Gambling analytics on {} over {} with {}",
        options.getRunner().getSimpleName(),
        data,
        GamblingAnalysisFromOptions.thresholds(options));
    GamblingOutputs outputs =
        pipeline
            .apply("Read records", ReadLines.from(data + "/*/*.json"))
            .apply("Gambling analysis", GamblingAnalysisFromOptions.of(options));
    String out = options.getOutput().replaceAll("/+$", "");
    outputs
        .views()
        .forEach(
            (folder, rows) -> rows.apply("Write " + folder, WriteJsonLines.to(out + "/" + folder)));
    outputs.alerts().apply("Write alerts", WriteJsonLines.to(out + "/" + ALERTS));
    PCollection<DeadLetter> deadLetters = outputs.deadLetters();
    if (!options.getGamblingWarehouse().isBlank()) {
      String warehouse = options.getGamblingWarehouse().replaceAll("/+$", "");
      LOG.info("Writing the warehouse under {}", warehouse);
      GamblingWarehouse.write(outputs, warehouse);
    }
    if (options.getServe()) {
      LOG.info(
          "Serving the views at {} (views_gambling_*_{})",
          options.getElasticsearchUrl(),
          options.getIndexVersion());
      deadLetters =
          PCollectionList.of(deadLetters)
              .and(
                  GamblingServing.write(
                      outputs, options.getElasticsearchUrl(), options.getIndexVersion()))
              .apply("Dead letters and refused documents", Flatten.pCollections());
    }
    deadLetters.apply("Write dead letters", WriteJsonLines.to(out + "/" + DEAD_LETTERS));
    return outputs;
  }

  /**
   * What a run did, from its counters.
   *
   * @param read records read per kind (folder)
   * @param deadLetters dead letters: malformed, repeated, of no kind, bets on unknown games
   */
  public record Summary(
      String output,
      long millis,
      Map<String, Long> read,
      long parsed,
      long deadLetters,
      Map<String, Long> alertsByRule) {

    static Summary of(MetricQueryResults metrics, String output, long millis) {
      Map<String, Long> read = new LinkedHashMap<>();
      read.put("of no kind", counter(metrics, "gambling.noKind"));
      long parsed = 0;
      long dead = counter(metrics, "gambling.noKind") + counter(metrics, "gambling.unknownGame");
      for (GamblingKind kind : GamblingKind.values()) {
        read.put(kind.folder(), counter(metrics, kind.folder() + ".read"));
        parsed += counter(metrics, kind.folder() + ".parsed");
        dead += counter(metrics, kind.folder() + ".deadLetters");
      }
      Map<String, Long> alerts = new LinkedHashMap<>();
      for (String rule : RULES) {
        alerts.put(rule, counter(metrics, "alerts." + rule));
      }
      return new Summary(
          output, millis, read, parsed - counter(metrics, "gambling.unknownGame"), dead, alerts);
    }

    /** Every record read, of any kind. */
    public long totalRead() {
      return read.values().stream().mapToLong(Long::longValue).sum();
    }

    public long alerts() {
      return alertsByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    public void print(PrintStream out) {
      out.println();
      out.printf(
          "Gambling analytics finished in %.1f s. Outputs in %s:%n", millis / 1000.0, output);
      out.println("  " + String.join("/ ", OUTPUTS) + "/");
      out.println("Read: " + read + "; kept " + parsed + ", dead letters " + deadLetters);
      out.println("Alerts by rule:");
      alertsByRule.forEach((rule, count) -> out.printf("  %-16s %,d%n", rule, count));
    }
  }
}
