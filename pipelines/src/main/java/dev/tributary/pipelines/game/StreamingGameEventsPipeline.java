package dev.tributary.pipelines.game;

import dev.tributary.io.KafkaConnection;
import dev.tributary.io.ReadKafka;
import dev.tributary.io.WriteElasticsearch;
import dev.tributary.io.WriteKafka;
import dev.tributary.io.WriteParquetPartitioned;
import dev.tributary.options.OptionValues;
import dev.tributary.options.game.StreamingGameEventsOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.KafkaFromOptions;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.game.GameEvent;
import dev.tributary.transforms.game.GameEventAnalysis;
import dev.tributary.transforms.game.GameOutputs;
import dev.tributary.transforms.game.GameView;
import dev.tributary.transforms.game.LandedGameEvent;
import java.util.Arrays;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's {@code extract_events} and {@code filtered_writes} jobs and its counts, as one
 * streaming pipeline: the game API's events from a Kafka topic through {@link GameEventAnalysis}.
 *
 * <ul>
 *   <li>every event lands in {@code <warehouse>/extracted_events}, the purchases also in {@code
 *       <warehouse>/purchases}, as Snappy Parquet partitioned by event hour with the seed's column
 *       names (see {@link LandedGameEvent}), new files every {@code --landEvery};
 *   <li>the counts by event type and by host, over all time and per hour, to Elasticsearch indices
 *       {@code views_game_<view>_<version>} (e.g. {@code views_game_by_host_v1}), one document per
 *       key and window, overwritten by each pane, with early panes;
 *   <li>dead letters (malformed events, repeated request ids, refused documents) to {@code
 *       --eventsDeadLetterTopic}.
 * </ul>
 *
 * <p>Meant for the Flink runner with checkpointing, e.g. {@code --runner=FlinkRunner
 * --streaming=true --checkpointingInterval=10000}.
 */
@Template(
    name = "Game_Events_Streaming",
    displayName = "Game events (streaming, Kafka to Parquet and Elasticsearch)",
    description =
        "Reads the game API's events (one JSON object per message) from a Kafka topic, lands every event in "
            + "extracted_events and the purchases in purchases as Parquet partitioned by hour, counts events by "
            + "type and by host with early panes into Elasticsearch; dead letters go to a Kafka topic. Runs until "
            + "cancelled; meant for Flink with checkpointing.",
    streaming = true,
    optionsClass = StreamingGameEventsOptions.class)
public final class StreamingGameEventsPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingGameEventsPipeline.class);

  /** The folders under {@code --warehouse}, as the seed names its HDFS folders. */
  public static final String EXTRACTED_EVENTS = "extracted_events";

  public static final String PURCHASES = "purchases";

  private StreamingGameEventsPipeline() {}

  /** The Elasticsearch index of a view: {@code views_game_by_event_type_hourly_v1}. */
  public static String indexOf(GameView view, String version) {
    return "views_game_" + view.folder().replace('-', '_') + "_" + version;
  }

  public static void main(String[] args) {
    PipelineOptionsFactory.register(StreamingGameEventsOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, StreamingGameEventsOptions.class);
      return;
    }
    args = DefaultRunner.unlessGiven(args);
    PipelineResult result = start(args);
    if (PipelineOptionsFactory.fromArgs(args)
        .as(StreamingGameEventsOptions.class)
        .getWaitUntilFinish()) {
      LOG.info("Streaming game events ended: {}", result.waitUntilFinish());
    } else {
      LOG.info(
          "Streaming game events submitted; state {}. Not waiting for it to end (--waitUntilFinish=false).",
          result.getState());
    }
  }

  /**
   * Builds the pipeline and submits it. With Flink's {@code --attachedMode=false} this returns at
   * once with a result that can cancel the job; otherwise it returns when the job ends.
   */
  public static PipelineResult start(String[] args) {
    PipelineOptionsFactory.register(StreamingGameEventsOptions.class);
    StreamingGameEventsOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(StreamingGameEventsOptions.class);
    options.setStreaming(true);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    return pipeline.run();
  }

  /** Adds the whole streaming job: Kafka in, analysis, Parquet, Elasticsearch and Kafka out. */
  public static GameOutputs buildPipeline(Pipeline pipeline, StreamingGameEventsOptions options) {
    KafkaConnection kafka = KafkaFromOptions.connection(options);
    String url = options.getElasticsearchUrl();
    String warehouse = options.getWarehouse().replaceAll("/+$", "");
    LOG.info(
        "Streaming game events on {}: {} topic {} -> Parquet under {} and {} views_game_*_{}",
        options.getRunner().getSimpleName(),
        kafka,
        options.getEventsTopic(),
        warehouse,
        url,
        options.getIndexVersion());
    PCollection<RawRecord> raw =
        pipeline.apply(
            "Read events",
            ReadKafka.from(kafka, options.getEventsTopic(), options.getConsumerGroup())
                .withMaxOutOfOrder(
                    OptionValues.duration("maxOutOfOrder", options.getMaxOutOfOrder())));
    GameOutputs outputs =
        raw.apply(
            "Analyse events",
            GameEventAnalysis.of(
                OptionValues.duration("allowedLateness", options.getAllowedLateness()),
                OptionValues.duration("earlyFiringsEvery", options.getEarlyFiringsEvery())));

    Duration landEvery = OptionValues.duration("landEvery", options.getLandEvery());
    land(outputs.events(), "Land extracted events", warehouse + "/" + EXTRACTED_EVENTS, landEvery);
    land(outputs.purchases(), "Land purchases", warehouse + "/" + PURCHASES, landEvery);

    PCollectionList<DeadLetter> deadLetters = PCollectionList.of(outputs.deadLetters());
    for (Map.Entry<String, PCollection<Row>> counts : outputs.views().entrySet()) {
      GameView view = GameView.ofFolder(counts.getKey());
      deadLetters =
          deadLetters.and(
              counts
                  .getValue()
                  .apply(
                      "View " + view.folder() + " to Elasticsearch",
                      WriteElasticsearch.to(
                          url,
                          indexOf(view, options.getIndexVersion()),
                          view.idFields().toArray(String[]::new))));
    }
    deadLetters
        .apply("All dead letters", Flatten.pCollections())
        .apply(
            "Dead letters to Kafka",
            WriteKafka.deadLettersTo(kafka, options.getEventsDeadLetterTopic()));
    return outputs;
  }

  private static void land(
      PCollection<GameEvent> events, String step, String folder, Duration every) {
    events
        .apply(
            step + ": columns",
            MapElements.into(TypeDescriptor.of(LandedGameEvent.class)).via(LandedGameEvent::of))
        .apply(
            step,
            WriteParquetPartitioned.to(folder, (LandedGameEvent e) -> e.timestamp)
                .withLandingEvery(every));
  }
}
