package dev.tributary.pipelines.gambling;

import dev.tributary.io.KafkaConnection;
import dev.tributary.io.ReadKafka;
import dev.tributary.io.ReadLines;
import dev.tributary.io.WriteKafka;
import dev.tributary.options.OptionValues;
import dev.tributary.options.gambling.StreamingGamblingOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.KafkaFromOptions;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.gambling.GamblingKind;
import dev.tributary.transforms.gambling.GamblingOutputs;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gambling analytics live: the seed's three topics ({@code gambling-bets}, {@code
 * gambling-transactions}, {@code gambling-player-activity}) with the players and games read from
 * {@code --data} as reference data, through the same {@code GamblingAnalysis} as the batch
 * pipeline:
 *
 * <ul>
 *   <li>risk alerts to {@code --alertsTopic} (keyed by subject) and to Elasticsearch {@code
 *       gambling_alerts_<version>} (document id = alert id);
 *   <li>every view to Elasticsearch {@code views_gambling_<view>_<version>}, each pane replacing
 *       its window's document;
 *   <li>dead letters (malformed messages, refused documents) to {@code --deadLetterTopic}.
 * </ul>
 *
 * <p>Meant for the Flink runner with checkpointing, e.g. {@code --runner=FlinkRunner
 * --streaming=true --checkpointingInterval=10000}.
 */
@Template(
    name = "Gambling_Analytics_Streaming",
    displayName = "Gambling analytics (streaming, Kafka to Kafka and Elasticsearch)",
    description =
        "Reads bets, transactions and player activity from the seed's three Kafka topics, with players and games "
            + "from files, computes the same views and risk alerts as the batch template, and writes alerts to Kafka "
            + "and Elasticsearch, views to Elasticsearch and dead letters to Kafka. Runs until cancelled.",
    streaming = true,
    optionsClass = StreamingGamblingOptions.class)
public final class StreamingGamblingPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingGamblingPipeline.class);

  private StreamingGamblingPipeline() {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(StreamingGamblingOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, StreamingGamblingOptions.class);
      return;
    }
    args = DefaultRunner.unlessGiven(args);
    PipelineResult result = start(args);
    if (PipelineOptionsFactory.fromArgs(args)
        .as(StreamingGamblingOptions.class)
        .getWaitUntilFinish()) {
      LOG.info("Streaming gambling analytics ended: {}", result.waitUntilFinish());
    } else {
      LOG.info("Streaming gambling analytics submitted: {}", result.getState());
    }
  }

  /** Builds and starts the job; returns at once. */
  public static PipelineResult start(String[] args) {
    PipelineOptionsFactory.register(StreamingGamblingOptions.class);
    StreamingGamblingOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(StreamingGamblingOptions.class);
    options.setStreaming(true);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    return pipeline.run();
  }

  /** The seed's topics, each once (sessions and events share one). */
  public static Set<String> topics() {
    Set<String> topics = new LinkedHashSet<>();
    for (GamblingKind kind : GamblingKind.values()) {
      if (!kind.isReference()) {
        topics.add(kind.topic());
      }
    }
    return topics;
  }

  /** Adds the whole job to {@code pipeline}: topics and reference files in, Kafka and ES out. */
  public static GamblingOutputs buildPipeline(Pipeline pipeline, StreamingGamblingOptions options) {
    KafkaConnection kafka = KafkaFromOptions.connection(options);
    String data = options.getData().replaceAll("/+$", "");
    LOG.info(
        "Streaming gambling analytics on {}: {} topics {} with players and games from {} -> {}"
            + " and {} (views_gambling_*_{}); {}",
        options.getRunner().getSimpleName(),
        kafka,
        topics(),
        data,
        options.getGamblingAlertsTopic(),
        options.getElasticsearchUrl(),
        options.getIndexVersion(),
        GamblingAnalysisFromOptions.thresholds(options));
    Duration maxOutOfOrder = OptionValues.duration("maxOutOfOrder", options.getMaxOutOfOrder());
    PCollectionList<RawRecord> live = PCollectionList.empty(pipeline);
    for (String topic : topics()) {
      live =
          live.and(
              pipeline.apply(
                  "Read " + topic,
                  ReadKafka.from(kafka, topic, options.getConsumerGroup())
                      .withMaxOutOfOrder(maxOutOfOrder)));
    }
    PCollection<RawRecord> reference =
        PCollectionList.of(pipeline.apply("Read players", ReadLines.from(data + "/players/*.json")))
            .and(pipeline.apply("Read games", ReadLines.from(data + "/games/*.json")))
            .apply("Reference data", Flatten.pCollections());
    GamblingOutputs outputs =
        live.apply("All topics", Flatten.pCollections())
            .apply(
                "Gambling analysis",
                GamblingAnalysisFromOptions.of(options).withReferenceData(reference));

    PCollection<DeadLetter> alertsTooLarge =
        outputs
            .alerts()
            .apply(
                "Alerts to Kafka",
                WriteKafka.to(kafka, options.getGamblingAlertsTopic(), "subjectId"));
    PCollection<DeadLetter> refused =
        GamblingServing.write(outputs, options.getElasticsearchUrl(), options.getIndexVersion());
    PCollectionList.of(outputs.deadLetters())
        .and(alertsTooLarge)
        .and(refused)
        .apply("All dead letters", Flatten.pCollections())
        .apply(
            "Dead letters to Kafka",
            WriteKafka.deadLettersTo(kafka, options.getGamblingDeadLetterTopic()));
    return outputs;
  }
}
