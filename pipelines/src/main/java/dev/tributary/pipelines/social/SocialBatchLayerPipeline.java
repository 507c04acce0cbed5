package dev.tributary.pipelines.social;

import static dev.tributary.transforms.TributaryMetrics.counter;

import dev.tributary.io.ReadLines;
import dev.tributary.io.ServingLayer;
import dev.tributary.io.WriteJsonLines;
import dev.tributary.options.social.SocialBatchLayerOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.FinishedRun;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.social.HistoryRange;
import dev.tributary.transforms.social.PlaceComments;
import dev.tributary.transforms.social.SocialOutputs;
import dev.tributary.transforms.social.SocialView;
import dev.tributary.transforms.social.SocialViews;
import dev.tributary.transforms.social.SplitSocialRecords;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lambda architecture's batch layer: the social history (posts, comments and users partitioned
 * by hour, local or {@code hdfs://}), all of it or the hours from {@code --from} to {@code --to},
 * through {@link SocialViews}, each view written as JSON lines into its own folder under {@code
 * --output}, dead letters beside them; with {@code --serve}, also to the serving indices in
 * Elasticsearch as their batch layer (see {@link SocialServingIndices}).
 *
 * <p>Runs on any runner: {@code --runner=DirectRunner} (default), {@code FlinkRunner}, {@code
 * SparkRunner}.
 */
@Template(
    name = "Social_Views_Batch_Layer",
    displayName = "Social views, batch layer",
    description =
        "Reads the social history (posts, comments and users as JSON lines partitioned by hour, local or HDFS), "
            + "all of it or a range of hours, and computes subreddit and user activity and the top posts per "
            + "subreddit; writes each view as JSON lines, dead letters beside them.",
    streaming = false,
    optionsClass = SocialBatchLayerOptions.class)
public final class SocialBatchLayerPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(SocialBatchLayerPipeline.class);

  public static final String DEAD_LETTERS = "dead-letters";

  /** Every output folder under --output. */
  public static final List<String> OUTPUTS = outputs();

  private SocialBatchLayerPipeline() {}

  private static List<String> outputs() {
    List<String> folders = new ArrayList<>();
    for (SocialView view : SocialView.values()) {
      folders.add(view.folder());
    }
    folders.add(SocialView.TOP_POSTS);
    folders.add(SocialView.TOP_POSTS_DAILY);
    folders.add(DEAD_LETTERS);
    return List.copyOf(folders);
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.register(SocialBatchLayerOptions.class);
      PipelineOptionsFactory.printHelp(System.out, SocialBatchLayerOptions.class);
      return;
    }
    run(DefaultRunner.unlessGiven(args)).print(System.out);
  }

  /** Builds and runs the pipeline to the end; fails unless DONE. */
  public static Summary run(String[] args) {
    PipelineOptionsFactory.register(SocialBatchLayerOptions.class);
    SocialBatchLayerOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(SocialBatchLayerOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    FinishedRun run = FinishedRun.of(pipeline);
    PipelineResult result = run.result();
    long millis = run.millis();
    LOG.info("Finished in {} ms", millis);
    MetricQueryResults metrics = TributaryMetrics.of(result);
    long noKind = counter(metrics, SplitSocialRecords.NO_KIND_COUNTER);
    long unplaced = counter(metrics, PlaceComments.UNPLACED_COUNTER);
    long parseDead = 0;
    long parsed = 0;
    long[] read = new long[3];
    int i = 0;
    for (String kind : List.of("posts", "comments", "users")) {
      read[i++] = counter(metrics, kind + ".read");
      parsed += counter(metrics, kind + ".parsed");
      parseDead += counter(metrics, kind + ".deadLetters");
    }
    return new Summary(
        options.getOutput(),
        millis,
        read[0],
        read[1],
        read[2],
        noKind,
        parsed - unplaced,
        parseDead + noKind + unplaced);
  }

  /** The range of hours asked for, from --from and --to. */
  static HistoryRange rangeOf(SocialBatchLayerOptions options) {
    return HistoryRange.between(instant("from", options.getFrom()), instant("to", options.getTo()));
  }

  /**
   * This run as the serving layer's batch layer: the range it reads, which ends at --to or, when
   * not given, at the start of the current hour (an hour still being landed is the speed layer's).
   */
  static ServingLayer servingLayerOf(HistoryRange range) {
    Instant now = Instant.now();
    Instant to =
        range.to() != null
            ? range.to()
            : now.toDateTime(DateTimeZone.UTC).hourOfDay().roundFloorCopy().toInstant();
    return ServingLayer.batch(range.from(), to, now);
  }

  private static Instant instant(String option, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--"
              + option
              + " must be an ISO-8601 date-time such as 2025-11-03T00:00:00Z, got '"
              + value
              + "'",
          e);
    }
  }

  /** Adds the whole batch layer to {@code pipeline}: read, compute the views, write. */
  public static SocialOutputs buildPipeline(Pipeline pipeline, SocialBatchLayerOptions options) {
    String history = options.getHistory().replaceAll("/+$", "");
    HistoryRange range = rangeOf(options);
    ServingLayer layer = null;
    if (options.getServe()) {
      layer = servingLayerOf(range);
      range = HistoryRange.between(range.from(), layer.to());
    }
    LOG.info(
        "Social batch layer on {} over {} hours {}",
        options.getRunner().getSimpleName(),
        history,
        range);
    ReadLines read = ReadLines.from(history + "/*/year=*/month=*/day=*/hour=*/*.json");
    SocialOutputs outputs =
        pipeline
            .apply("Read history", range.isAll() ? read : read.onlyFiles(range))
            .apply("Social views", SocialViewsFromOptions.of(options));
    String out = options.getOutput().replaceAll("/+$", "");
    outputs
        .views()
        .forEach(
            (folder, rows) -> rows.apply("Write " + folder, WriteJsonLines.to(out + "/" + folder)));
    PCollection<DeadLetter> deadLetters = outputs.deadLetters();
    if (layer != null) {
      LOG.info(
          "Serving the views at {} (views_*_{}) as the {}",
          options.getElasticsearchUrl(),
          options.getIndexVersion(),
          layer);
      deadLetters =
          PCollectionList.of(deadLetters)
              .and(
                  SocialServingIndices.write(
                      outputs, options.getElasticsearchUrl(), options.getIndexVersion(), layer))
              .apply("Dead letters and refused documents", Flatten.pCollections());
    }
    deadLetters.apply("Write dead letters", WriteJsonLines.to(out + "/" + DEAD_LETTERS));
    return outputs;
  }

  /** What a run did. */
  public record Summary(
      String output,
      long millis,
      long posts,
      long comments,
      long users,
      long noKind,
      long kept,
      long deadLetters) {
    /** Every record read: of the three kinds, and of none. */
    public long read() {
      return posts + comments + users + noKind;
    }

    public void print(PrintStream out) {
      out.println();
      out.printf(
          "Social batch layer finished in %.1f s. Outputs in %s:%n", millis / 1000.0, output);
      out.println("  " + String.join("/ ", OUTPUTS) + "/");
      out.printf(
          "Read: %,d posts, %,d comments, %,d user updates (%,d of no kind); kept %,d, dead"
              + " letters %,d%n",
          posts, comments, users, noKind, kept, deadLetters);
    }
  }
}
