package dev.tributary.pipelines.commerce;

import dev.tributary.io.KafkaConnection;
import dev.tributary.io.ReadKafka;
import dev.tributary.io.WriteElasticsearch;
import dev.tributary.io.WriteKafka;
import dev.tributary.io.WriteParquetPartitioned;
import dev.tributary.options.OptionValues;
import dev.tributary.options.commerce.StreamingCommerceOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.KafkaFromOptions;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.commerce.CommerceAnalysis;
import dev.tributary.transforms.commerce.CommerceOutputs;
import dev.tributary.transforms.commerce.CommerceView;
import dev.tributary.transforms.commerce.Order;
import java.util.Arrays;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's consumer, as a streaming pipeline: orders (one CSV row per message) from a Kafka topic
 * through the very same {@link CommerceAnalysis} as the batch report.
 *
 * <ul>
 *   <li>every order lands as Snappy Parquet under {@code --landingOutput}, partitioned by event
 *       hour, new files every {@code --landEvery};
 *   <li>each view to Elasticsearch index {@code views_commerce_<view>_<version>} (e.g. {@code
 *       views_commerce_by_category_daily_v1}), one document per key and window whose id is the key
 *       and window, so each pane overwrites the last and the final pane is what remains; all-time
 *       views give early panes as orders come; top cities per day come when the day is complete
 *       (for a live ranking over all time, sort {@code views_commerce_by_city_v1} by revenue);
 *   <li>dead letters (malformed rows, repeated order ids, refused documents) to {@code
 *       --ordersDeadLetterTopic}.
 * </ul>
 *
 * <p>Meant for the Flink runner with checkpointing, e.g. {@code --runner=FlinkRunner
 * --streaming=true --checkpointingInterval=10000}.
 */
@Template(
    name = "Commerce_Revenue_Streaming",
    displayName = "Commerce revenue (streaming, Kafka to Parquet and Elasticsearch)",
    description =
        "Reads orders (one CSV row per message) from a Kafka topic, lands them as Parquet partitioned by hour, "
            + "computes the same revenue views as the batch report with early panes and writes them to "
            + "Elasticsearch; dead letters go to a Kafka topic. Runs until cancelled; meant for Flink with "
            + "checkpointing.",
    streaming = true,
    optionsClass = StreamingCommerceOptions.class)
public final class StreamingCommercePipeline {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingCommercePipeline.class);

  private StreamingCommercePipeline() {}

  /** The Elasticsearch index of an output folder: {@code views_commerce_by_city_daily_v1}. */
  public static String indexOf(String folder, String version) {
    return "views_commerce_" + folder.replace('-', '_') + "_" + version;
  }

  public static void main(String[] args) {
    PipelineOptionsFactory.register(StreamingCommerceOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, StreamingCommerceOptions.class);
      return;
    }
    args = DefaultRunner.unlessGiven(args);
    PipelineResult result = start(args);
    if (PipelineOptionsFactory.fromArgs(args)
        .as(StreamingCommerceOptions.class)
        .getWaitUntilFinish()) {
      LOG.info("Streaming commerce ended: {}", result.waitUntilFinish());
    } else {
      LOG.info(
          "Streaming commerce submitted; state {}. Not waiting for it to end (--waitUntilFinish=false).",
          result.getState());
    }
  }

  /**
   * Builds the pipeline and submits it. With Flink's {@code --attachedMode=false} this returns at
   * once with a result that can cancel the job; otherwise it returns when the job ends.
   */
  public static PipelineResult start(String[] args) {
    PipelineOptionsFactory.register(StreamingCommerceOptions.class);
    StreamingCommerceOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(StreamingCommerceOptions.class);
    options.setStreaming(true);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    return pipeline.run();
  }

  /** Adds the whole streaming job: Kafka in, analysis, Parquet, Elasticsearch and Kafka out. */
  public static CommerceOutputs buildPipeline(Pipeline pipeline, StreamingCommerceOptions options) {
    KafkaConnection kafka = KafkaFromOptions.connection(options);
    String url = options.getElasticsearchUrl();
    LOG.info(
        "Streaming commerce on {}: {} topic {} -> Parquet {} and {} views_commerce_*_{}",
        options.getRunner().getSimpleName(),
        kafka,
        options.getOrdersTopic(),
        options.getLandingOutput(),
        url,
        options.getIndexVersion());
    PCollection<RawRecord> rows =
        pipeline.apply(
            "Read orders",
            ReadKafka.from(kafka, options.getOrdersTopic(), options.getConsumerGroup())
                .withMaxOutOfOrder(
                    OptionValues.duration("maxOutOfOrder", options.getMaxOutOfOrder())));
    CommerceOutputs outputs =
        rows.apply(
            "Analyse orders",
            CommerceAnalysis.of(
                options.getTopCities(),
                OptionValues.duration("allowedLateness", options.getAllowedLateness()),
                OptionValues.duration("earlyFiringsEvery", options.getEarlyFiringsEvery())));

    outputs
        .orders()
        .apply(
            "Land orders",
            WriteParquetPartitioned.to(options.getLandingOutput(), (Order o) -> o.eventTime)
                .withLandingEvery(OptionValues.duration("landEvery", options.getLandEvery())));

    PCollectionList<DeadLetter> deadLetters = PCollectionList.of(outputs.deadLetters());
    for (Map.Entry<String, PCollection<Row>> view : outputs.views().entrySet()) {
      String folder = view.getKey();
      deadLetters =
          deadLetters.and(
              view.getValue()
                  .apply(
                      "View " + folder + " to Elasticsearch",
                      WriteElasticsearch.to(
                          url,
                          indexOf(folder, options.getIndexVersion()),
                          CommerceView.idFields(folder).toArray(String[]::new))));
    }
    deadLetters
        .apply("All dead letters", Flatten.pCollections())
        .apply(
            "Dead letters to Kafka",
            WriteKafka.deadLettersTo(kafka, options.getOrdersDeadLetterTopic()));
    return outputs;
  }
}
