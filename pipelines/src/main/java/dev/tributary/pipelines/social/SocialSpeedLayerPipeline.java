package dev.tributary.pipelines.social;

import dev.tributary.io.KafkaConnection;
import dev.tributary.io.ServingLayer;
import dev.tributary.io.WriteKafka;
import dev.tributary.options.OptionValues;
import dev.tributary.options.social.SocialSpeedLayerOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.KafkaFromOptions;
import dev.tributary.transforms.social.SocialKind;
import dev.tributary.transforms.social.SocialOutputs;
import dev.tributary.transforms.social.SocialViews;
import java.util.Arrays;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lambda architecture's speed layer: the three live topics ({@code reddit.posts}, {@code
 * reddit.comments}, {@code reddit.users}) through the same {@link SocialViews} as the batch layer,
 * with early panes, into the serving indices (see {@link SocialServingIndices}) as their speed
 * layer: a window the batch layer has written keeps the batch layer's document. Dead letters
 * (malformed records, comments whose post never came, refused documents) go to a Kafka topic.
 *
 * <p>Meant for the Flink runner with checkpointing, e.g. {@code --runner=FlinkRunner
 * --streaming=true --checkpointingInterval=10000}.
 */
@Template(
    name = "Social_Views_Speed_Layer",
    displayName = "Social views, speed layer (Kafka to Elasticsearch)",
    description =
        "Reads posts, comments and user updates from the topics reddit.posts, reddit.comments and reddit.users, "
            + "computes subreddit and user activity and the top posts per subreddit with early panes, and "
            + "writes them to the serving indices in Elasticsearch without overwriting the batch layer's "
            + "documents; dead letters go to a Kafka topic. Runs until cancelled; meant for Flink with "
            + "checkpointing.",
    streaming = true,
    optionsClass = SocialSpeedLayerOptions.class)
public final class SocialSpeedLayerPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(SocialSpeedLayerPipeline.class);

  private SocialSpeedLayerPipeline() {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(SocialSpeedLayerOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, SocialSpeedLayerOptions.class);
      return;
    }
    args = DefaultRunner.unlessGiven(args);
    PipelineResult result = start(args);
    if (PipelineOptionsFactory.fromArgs(args)
        .as(SocialSpeedLayerOptions.class)
        .getWaitUntilFinish()) {
      LOG.info("Social speed layer ended: {}", result.waitUntilFinish());
    } else {
      LOG.info(
          "Social speed layer submitted; state {}. Not waiting for it to end (--waitUntilFinish=false).",
          result.getState());
    }
  }

  /**
   * Builds the pipeline and submits it. With Flink's {@code --attachedMode=false} this returns at
   * once with a result that can cancel the job; otherwise it returns when the job ends.
   */
  public static PipelineResult start(String[] args) {
    PipelineOptionsFactory.register(SocialSpeedLayerOptions.class);
    SocialSpeedLayerOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(SocialSpeedLayerOptions.class);
    options.setStreaming(true);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    return pipeline.run();
  }

  /** Adds the whole speed layer: the three topics in, the views, Elasticsearch and Kafka out. */
  public static SocialOutputs buildPipeline(Pipeline pipeline, SocialSpeedLayerOptions options) {
    KafkaConnection kafka = KafkaFromOptions.connection(options);
    String url = options.getElasticsearchUrl();
    LOG.info(
        "Social speed layer on {}: {} topics {} -> {} views_*_{}",
        options.getRunner().getSimpleName(),
        kafka,
        Arrays.stream(SocialKind.values()).map(SocialKind::topic).toList(),
        url,
        options.getIndexVersion());
    Duration maxOutOfOrder = OptionValues.duration("maxOutOfOrder", options.getMaxOutOfOrder());
    SocialOutputs outputs =
        pipeline
            .apply(
                "Read the topics",
                ReadSocialTopics.from(kafka, options.getConsumerGroup(), maxOutOfOrder))
            .apply("Social views", SocialViewsFromOptions.of(options));
    PCollectionList.of(outputs.deadLetters())
        .and(
            SocialServingIndices.write(
                outputs, url, options.getIndexVersion(), ServingLayer.speed()))
        .apply("All dead letters", Flatten.pCollections())
        .apply(
            "Dead letters to Kafka",
            WriteKafka.deadLettersTo(kafka, options.getSocialDeadLetterTopic()));
    return outputs;
  }
}
