package dev.tributary.pipelines.game;

import static dev.tributary.transforms.TributaryMetrics.counter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.io.ReadLines;
import dev.tributary.io.ReadParquet;
import dev.tributary.io.WriteJsonLines;
import dev.tributary.options.OptionValues;
import dev.tributary.options.game.GameEventCountsOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.FinishedRun;
import dev.tributary.pipelines.report.ReportTable;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.game.CountGameEvents;
import dev.tributary.transforms.game.GameEvent;
import dev.tributary.transforms.game.GameEventAnalysis;
import dev.tributary.transforms.game.GameOutputs;
import dev.tributary.transforms.game.GameView;
import dev.tributary.transforms.game.LandedGameEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch game event counts, the seed's two Spark SQL queries: events by type and by host, over
 * all time and per hour, from the game API's events as JSON lines ({@code --events}, through the
 * same {@link GameEventAnalysis} as the streaming pipeline, dead letters beside) or from the landed
 * Parquet ({@code --landedEvents}, through {@link CountGameEvents}). Each view is written as JSON
 * lines into its own folder under {@code --output}; the two all-time tables are printed at the end.
 *
 * <p>Runs on any runner: {@code --runner=DirectRunner} (default), {@code FlinkRunner}, {@code
 * SparkRunner}.
 */
@Template(
    name = "Game_Event_Counts_Batch",
    displayName = "Game event counts (batch)",
    description =
        "Counts the game API's events by event type and by host, over all time and per hour, from JSON lines "
            + "or from the Parquet the streaming pipeline landed (local or HDFS); writes each count as JSON lines, "
            + "dead letters beside them.",
    streaming = false,
    optionsClass = GameEventCountsOptions.class)
public final class GameEventCountsPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(GameEventCountsPipeline.class);

  public static final String DEAD_LETTERS = "dead-letters";

  /** Every output folder under --output. */
  public static final List<String> OUTPUTS = outputs();

  private GameEventCountsPipeline() {}

  private static List<String> outputs() {
    List<String> folders = new ArrayList<>();
    for (GameView view : GameView.values()) {
      folders.add(view.folder());
    }
    folders.add(DEAD_LETTERS);
    return List.copyOf(folders);
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.register(GameEventCountsOptions.class);
      PipelineOptionsFactory.printHelp(System.out, GameEventCountsOptions.class);
      return;
    }
    run(DefaultRunner.unlessGiven(args)).print(System.out);
  }

  /** Builds and runs the pipeline to the end; fails unless DONE. */
  public static Summary run(String[] args) {
    PipelineOptionsFactory.register(GameEventCountsOptions.class);
    GameEventCountsOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(GameEventCountsOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    LOG.info(
        "Counting game events on {} from {}",
        options.getRunner().getSimpleName(),
        options.getEvents() != null ? options.getEvents() : options.getLandedEvents());
    FinishedRun run = FinishedRun.of(pipeline);
    PipelineResult result = run.result();
    long millis = run.millis();
    LOG.info("Finished in {} ms", millis);
    MetricQueryResults metrics = TributaryMetrics.of(result);
    return new Summary(
        options.getOutput(),
        millis,
        counter(metrics, "events.read"),
        counter(metrics, "events.parsed"),
        counter(metrics, "events.deadLetters"));
  }

  /** Adds the whole batch job to {@code pipeline}: read, count, write. */
  public static Map<String, PCollection<Row>> buildPipeline(
      Pipeline pipeline, GameEventCountsOptions options) {
    boolean fromJson = options.getEvents() != null;
    if (fromJson == (options.getLandedEvents() != null)) {
      throw new IllegalArgumentException(
          "give exactly one of --events (JSON lines) and --landedEvents (Parquet), got "
              + (fromJson ? "both" : "neither"));
    }
    Duration lateness = OptionValues.duration("allowedLateness", options.getAllowedLateness());
    Duration early = OptionValues.duration("earlyFiringsEvery", options.getEarlyFiringsEvery());
    String out = options.getOutput().replaceAll("/+$", "");
    Map<String, PCollection<Row>> views;
    if (fromJson) {
      GameOutputs outputs =
          pipeline
              .apply("Read events", ReadLines.from(options.getEvents()))
              .apply("Analyse events", GameEventAnalysis.of(lateness, early));
      outputs
          .deadLetters()
          .apply("Write dead letters", WriteJsonLines.to(out + "/" + DEAD_LETTERS));
      views = outputs.views();
    } else {
      PCollection<GameEvent> events =
          pipeline
              .apply(
                  "Read landed events",
                  ReadParquet.of(
                      LandedGameEvent.class,
                      ReadParquet.allPartitions(options.getLandedEvents().replaceAll("/+$", ""))))
              .apply(
                  "To events",
                  MapElements.into(TypeDescriptor.of(GameEvent.class))
                      .via(LandedGameEvent::toEvent))
              // Files carry no element timestamps: the hourly windows need the events' own.
              .apply("Event times", WithTimestamps.of((GameEvent e) -> e.eventTime));
      views = CountGameEvents.byFolder(events.apply("Count", CountGameEvents.of(lateness, early)));
    }
    views.forEach(
        (folder, rows) -> rows.apply("Write " + folder, WriteJsonLines.to(out + "/" + folder)));
    return views;
  }

  /** What a run did: where its outputs are and what its counters say (zero read from Parquet). */
  public record Summary(String output, long millis, long read, long parsed, long deadLetters) {

    /** Prints the counters and the two all-time tables, largest first, as Spark's show() would. */
    public void print(PrintStream out) {
      out.println();
      out.printf("Game event counts finished in %.1f s. Outputs in %s%n", millis / 1000.0, output);
      if (read > 0) {
        out.printf("Events read: %,d (parsed %,d, dead letters %,d)%n", read, parsed, deadLetters);
      }
      for (GameView view : List.of(GameView.BY_EVENT_TYPE, GameView.BY_HOST)) {
        out.println();
        out.printf("%-24s %8s%n", view.keyField(), "events");
        for (Map.Entry<String, Long> row : table(output, view).entrySet()) {
          out.printf("%-24s %8d%n", row.getKey(), row.getValue());
        }
      }
    }
  }

  /** An all-time view read back from {@code output}: key to events, largest first. */
  public static Map<String, Long> table(String output, GameView view) {
    List<ObjectNode> rows = new ArrayList<>(ReportTable.read(output, view.folder()).rows());
    rows.sort(
        Comparator.comparing((ObjectNode r) -> -r.get("events").asLong())
            .thenComparing(r -> r.get(view.keyField()).asText()));
    Map<String, Long> table = new LinkedHashMap<>();
    rows.forEach(r -> table.put(r.get(view.keyField()).asText(), r.get("events").asLong()));
    return table;
  }
}
