package dev.tributary.pipelines.commerce;

import static dev.tributary.transforms.TributaryMetrics.counter;

import dev.tributary.io.ReadLines;
import dev.tributary.io.WriteJsonLines;
import dev.tributary.options.OptionValues;
import dev.tributary.options.commerce.CommerceReportOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.FinishedRun;
import dev.tributary.pipelines.commerce.report.CommerceReport;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.commerce.CommerceAnalysis;
import dev.tributary.transforms.commerce.CommerceOutputs;
import dev.tributary.transforms.commerce.CommerceView;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch commerce report: orders from CSV files (a file or a glob, local or {@code hdfs://})
 * through {@link CommerceAnalysis}, each view written as JSON lines into its own folder under
 * {@code --output} (see {@link CommerceView}: {@code summary}, {@code by-category}, ... each also
 * {@code -daily}; {@code top-cities}, {@code top-cities-daily}; {@code dead-letters}), and then,
 * unless {@code --report=false}, the report under {@code <output>/report/}: the tables as CSV and
 * JSON lines, three PNG charts and {@code report.html} (see {@link CommerceReport}).
 *
 * <p>Runs on any runner: {@code --runner=DirectRunner} (default), {@code FlinkRunner}, {@code
 * SparkRunner}.
 */
@Template(
    name = "Commerce_Revenue_Report_Batch",
    displayName = "Commerce revenue report (batch)",
    description =
        "Reads orders from CSV files with a header (local or HDFS), computes total revenue, orders and mean "
            + "order value, revenue and orders by category, payment method and city, and the top cities, over all "
            + "time and per UTC day; writes each as JSON lines, dead letters beside them, and a report with tables "
            + "as CSV, three PNG charts and an HTML page.",
    streaming = false,
    optionsClass = CommerceReportOptions.class)
public final class CommerceReportPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(CommerceReportPipeline.class);

  public static final String DEAD_LETTERS = "dead-letters";

  /** Every output folder under --output, in the order the summary lists them. */
  public static final List<String> OUTPUTS = outputs();

  private CommerceReportPipeline() {}

  private static List<String> outputs() {
    List<String> folders = new ArrayList<>();
    for (CommerceView view : CommerceView.values()) {
      folders.add(view.folder());
    }
    folders.add(CommerceView.TOP_CITIES);
    folders.add(CommerceView.TOP_CITIES_DAILY);
    folders.add(DEAD_LETTERS);
    return List.copyOf(folders);
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.register(CommerceReportOptions.class);
      PipelineOptionsFactory.printHelp(System.out, CommerceReportOptions.class);
      return;
    }
    run(DefaultRunner.unlessGiven(args)).print(System.out);
  }

  /** Builds and runs the pipeline to the end, then writes the report; fails unless DONE. */
  public static Summary run(String[] args) {
    PipelineOptionsFactory.register(CommerceReportOptions.class);
    CommerceReportOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(CommerceReportOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);

    LOG.info(
        "Running the commerce report on {} over {}",
        options.getRunner().getSimpleName(),
        options.getOrders());
    long start = System.nanoTime();
    FinishedRun run = FinishedRun.of(pipeline);
    PipelineResult result = run.result();
    long pipelineMillis = run.millis();
    CommerceReport.Figures figures =
        options.getReport() ? CommerceReport.write(options.getOutput(), DEAD_LETTERS) : null;
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info("Finished in {} ms (pipeline {} ms)", millis, pipelineMillis);
    return Summary.of(result, options.getOutput(), pipelineMillis, millis, figures);
  }

  /** Adds the whole batch job to {@code pipeline}: read, analyse, write. */
  public static CommerceOutputs buildPipeline(Pipeline pipeline, CommerceReportOptions options) {
    PCollection<RawRecord> rows =
        pipeline.apply("Read orders", ReadLines.from(options.getOrders()));
    CommerceOutputs outputs =
        rows.apply(
            "Analyse orders",
            CommerceAnalysis.of(
                options.getTopCities(),
                OptionValues.duration("allowedLateness", options.getAllowedLateness()),
                OptionValues.duration("earlyFiringsEvery", options.getEarlyFiringsEvery())));
    String out = options.getOutput().replaceAll("/+$", "");
    outputs
        .views()
        .forEach(
            (folder, rowsOfView) ->
                rowsOfView.apply("Write " + folder, WriteJsonLines.to(out + "/" + folder)));
    outputs.deadLetters().apply("Write dead letters", WriteJsonLines.to(out + "/" + DEAD_LETTERS));
    return outputs;
  }

  /** What a run did: its counters, and the report's figures when it wrote one. */
  public record Summary(
      String output,
      long pipelineMillis,
      long millis,
      long headers,
      long read,
      long parsed,
      long deadLetters,
      @Nullable CommerceReport.Figures figures) {

    public static Summary of(
        PipelineResult result,
        String output,
        long pipelineMillis,
        long millis,
        @Nullable CommerceReport.Figures figures) {
      MetricQueryResults metrics = TributaryMetrics.of(result);
      return new Summary(
          output,
          pipelineMillis,
          millis,
          counter(metrics, "orders.headers"),
          counter(metrics, "orders.read"),
          counter(metrics, "orders.parsed"),
          counter(metrics, "orders.deadLetters"),
          figures);
    }

    /** A local folder as an absolute path; a URI such as {@code hdfs://...} as given. */
    private static String displayed(String location) {
      return location.contains("://") ? location : Path.of(location).toAbsolutePath().toString();
    }

    /** Prints where the outputs are, what the counters say and the report's headline figures. */
    public void print(PrintStream out) {
      out.println();
      out.printf(
          "Commerce report finished in %.1f s (pipeline %.1f s). Outputs in %s:%n",
          millis / 1000.0, pipelineMillis / 1000.0, displayed(output));
      out.println("  " + String.join("/ ", OUTPUTS) + "/");
      out.printf("Rows read:        %,d (and %,d header lines)%n", read, headers);
      out.printf("  orders parsed:  %,d%n", parsed);
      out.printf("  dead letters:   %,d%n", deadLetters);
      if (figures != null) {
        out.printf("Total revenue:    %s%n", money(figures.revenue()));
        out.printf("Orders:           %,d%n", figures.orders());
        out.printf("Mean order value: %s%n", money(figures.meanOrderValue()));
        out.printf(
            "Top category:     %s (%s in %,d orders)%n",
            figures.topCategory(),
            money(figures.topCategoryRevenue()),
            figures.topCategoryOrders());
        out.printf(
            "Top city:         %s (%s)%n", figures.topCity(), money(figures.topCityRevenue()));
        out.println(
            "Report:           "
                + displayed(output.replaceAll("/+$", "") + "/" + CommerceReport.FOLDER)
                + "/"
                + CommerceReport.PAGE);
      }
    }

    private static String money(java.math.BigDecimal value) {
      return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.US).format(value);
    }
  }
}
