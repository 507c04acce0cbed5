package dev.tributary.pipelines.banking;

import static dev.tributary.transforms.TributaryMetrics.counter;

import dev.tributary.io.ReadLines;
import dev.tributary.io.WriteJsonLines;
import dev.tributary.io.WriteParquetPartitioned;
import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.OptionValues;
import dev.tributary.options.banking.FraudDetectionOptions;
import dev.tributary.options.banking.FraudRuleOptions;
import dev.tributary.options.banking.RankingOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.FinishedRun;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.banking.BankingFraudAnalysis;
import dev.tributary.transforms.banking.BankingOutputs;
import dev.tributary.transforms.banking.ForeignCountryRule;
import dev.tributary.transforms.banking.FraudThresholds;
import dev.tributary.transforms.banking.LargeAmountRule;
import dev.tributary.transforms.banking.Transaction;
import dev.tributary.transforms.banking.VelocityRule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch fraud detection over banking transactions in JSON-lines files: reads the transactions and
 * the account reference data, runs {@link BankingFraudAnalysis}, and writes each output as JSON
 * lines into its own folder under {@code --output}:
 *
 * <ul>
 *   <li>{@code alerts/}: one alert per rule per triggering transaction;
 *   <li>{@code aggregates-account-hourly/}, {@code aggregates-category-daily/}: count, sum, mean,
 *       max;
 *   <li>{@code top-accounts-daily/}: the --topK accounts with the largest total per UTC day;
 *   <li>{@code dead-letters/}: every malformed record, with its file, line and the reason;
 *   <li>with {@code --historyOutput}: every parsed transaction as Parquet, partitioned by hour.
 * </ul>
 *
 * <p>Inputs and outputs may be on HDFS ({@code hdfs://...} with {@code --hdfsConfiguration}).
 *
 * <p>Runs on any runner: {@code --runner=DirectRunner} (default), {@code FlinkRunner}, {@code
 * SparkRunner}.
 */
@Template(
    name = "Banking_Fraud_Detection_Batch",
    displayName = "Banking fraud detection (batch)",
    description =
        "Reads banking transactions and account reference data from JSON-lines files (local or HDFS), "
            + "applies the large_amount, velocity and foreign_country rules, and writes alerts, hourly and daily "
            + "aggregates, the daily top accounts and dead letters as JSON lines, and optionally the parsed "
            + "transactions as partitioned Parquet.",
    streaming = false,
    optionsClass = FraudDetectionOptions.class)
public final class FraudDetectionPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(FraudDetectionPipeline.class);

  /** The output folders, by name, under --output. */
  public static final String ALERTS = "alerts";

  public static final String ACCOUNT_HOURLY = "aggregates-account-hourly";
  public static final String CATEGORY_DAILY = "aggregates-category-daily";
  public static final String TOP_ACCOUNTS_DAILY = "top-accounts-daily";
  public static final String DEAD_LETTERS = "dead-letters";

  /** Every output folder, in the order the summary lists them. */
  public static final List<String> OUTPUTS =
      List.of(ALERTS, ACCOUNT_HOURLY, CATEGORY_DAILY, TOP_ACCOUNTS_DAILY, DEAD_LETTERS);

  private FraudDetectionPipeline() {}

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.register(FraudDetectionOptions.class);
      PipelineOptionsFactory.printHelp(System.out, FraudDetectionOptions.class);
      return;
    }
    run(DefaultRunner.unlessGiven(args)).print(System.out);
  }

  /** Builds and runs the pipeline to the end; fails unless it ends DONE. */
  public static Summary run(String[] args) {
    PipelineOptionsFactory.register(FraudDetectionOptions.class);
    FraudDetectionOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(FraudDetectionOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);

    LOG.info(
        "Running fraud detection on {} with {}",
        options.getRunner().getSimpleName(),
        thresholds(options));
    FinishedRun run = FinishedRun.of(pipeline);
    PipelineResult result = run.result();
    Summary summary = Summary.of(result, options.getOutput(), run.millis());
    LOG.info("Finished in {} ms", summary.millis());
    return summary;
  }

  /** Adds the whole batch job to {@code pipeline}: read, analyse, write. */
  public static BankingOutputs buildPipeline(Pipeline pipeline, FraudDetectionOptions options) {
    PCollection<RawRecord> transactions =
        pipeline.apply("Read transactions", ReadLines.from(options.getInput()));
    PCollection<RawRecord> accounts =
        pipeline.apply("Read accounts", ReadLines.from(options.getAccounts()));

    BankingOutputs outputs =
        transactions.apply("Analyse transactions", analysis(accounts, options));

    String out = options.getOutput();
    outputs.alerts().apply("Write alerts", WriteJsonLines.to(out + "/" + ALERTS));
    outputs
        .accountHourly()
        .apply("Write account hourly", WriteJsonLines.to(out + "/" + ACCOUNT_HOURLY));
    outputs
        .categoryDaily()
        .apply("Write category daily", WriteJsonLines.to(out + "/" + CATEGORY_DAILY));
    outputs
        .topAccountsDaily()
        .apply("Write top accounts", WriteJsonLines.to(out + "/" + TOP_ACCOUNTS_DAILY));
    outputs.deadLetters().apply("Write dead letters", WriteJsonLines.to(out + "/" + DEAD_LETTERS));
    if (!options.getHistoryOutput().isEmpty()) {
      outputs
          .transactions()
          .apply(
              "Write history",
              WriteParquetPartitioned.to(
                  options.getHistoryOutput(), (Transaction tx) -> tx.eventTime));
    }
    return outputs;
  }

  /** The banking analysis the options ask for, against the given account records. */
  public static <O extends FraudRuleOptions & EventTimeOptions & RankingOptions>
      BankingFraudAnalysis analysis(PCollection<RawRecord> accounts, O options) {
    return BankingFraudAnalysis.withAccounts(
        accounts,
        thresholds(options),
        options.getTopK(),
        OptionValues.duration("earlyFiringsEvery", options.getEarlyFiringsEvery()));
  }

  /**
   * The rule thresholds the options ask for; a malformed value fails here, before anything runs.
   */
  public static <O extends FraudRuleOptions & EventTimeOptions> FraudThresholds thresholds(
      O options) {
    return new FraudThresholds(
        OptionValues.decimal("largeAmountThreshold", options.getLargeAmountThreshold()),
        options.getVelocityCount(),
        OptionValues.duration("velocityWindow", options.getVelocityWindow()),
        OptionValues.decimal("foreignAmountThreshold", options.getForeignAmountThreshold()),
        OptionValues.duration("allowedLateness", options.getAllowedLateness()));
  }

  /** What a run did, from its counters: records read, dead letters, alerts by rule. */
  public record Summary(
      String output,
      long millis,
      long read,
      long parsed,
      long deadLetters,
      long unknownAccounts,
      long accountsRead,
      long accountDeadLetters,
      Map<String, Long> alertsByRule) {

    public static Summary of(PipelineResult result, String output, long millis) {
      MetricQueryResults metrics = TributaryMetrics.of(result);
      Map<String, Long> alerts = new LinkedHashMap<>();
      for (String rule :
          List.of(LargeAmountRule.NAME, VelocityRule.NAME, ForeignCountryRule.NAME)) {
        alerts.put(rule, counter(metrics, "alerts." + rule));
      }
      return new Summary(
          output,
          millis,
          counter(metrics, "transactions.read"),
          counter(metrics, "transactions.parsed"),
          counter(metrics, "transactions.deadLetters"),
          counter(metrics, "accounts.unmatched"),
          counter(metrics, "accounts.read"),
          counter(metrics, "accounts.deadLetters"),
          alerts);
    }

    public long alerts() {
      return alertsByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A local folder as an absolute path; a URI such as {@code hdfs://...} as given. */
    private static String displayed(String location) {
      return location.contains("://") ? location : Path.of(location).toAbsolutePath().toString();
    }

    /** Prints where the outputs are and what the counters say. */
    public void print(PrintStream out) {
      out.println();
      out.println(
          "Fraud detection finished in "
              + millis / 1000.0
              + " s. Outputs in "
              + displayed(output)
              + ":");
      for (String folder : OUTPUTS) {
        out.println("  " + folder + "/");
      }
      out.printf("Transactions read:   %,d%n", read);
      out.printf("  parsed:            %,d%n", parsed);
      out.printf("  dead letters:      %,d%n", deadLetters);
      out.printf(
          "  unknown accounts:  %,d (kept, not judged by foreign_country)%n", unknownAccounts);
      out.printf(
          "Accounts read:       %,d (dead letters: %,d)%n", accountsRead, accountDeadLetters);
      out.println("Alerts by rule:");
      alertsByRule.forEach((rule, count) -> out.printf("  %-16s %,d%n", rule, count));
    }
  }
}
