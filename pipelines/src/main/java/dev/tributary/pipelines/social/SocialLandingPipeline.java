package dev.tributary.pipelines.social;

import dev.tributary.io.KafkaConnection;
import dev.tributary.io.WriteKafka;
import dev.tributary.io.WriteLinesPartitioned;
import dev.tributary.options.OptionValues;
import dev.tributary.options.social.SocialLandingOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.KafkaFromOptions;
import dev.tributary.transforms.social.LandSocialRecords;
import dev.tributary.transforms.social.SocialKind;
import java.util.Arrays;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's consumer: the three live topics land, record by record as they came, in the history's
 * layout under {@code --history} ({@code <kind>/year=/month=/day=/hour=/data_*.json}, local or
 * {@code hdfs://}), new files every {@code --landEvery}, so that the batch layer reads the live
 * records beside the history the generator bootstrapped. Records that do not parse go to the
 * dead-letter topic instead.
 */
@Template(
    name = "Social_Landing",
    displayName = "Social landing (Kafka to the history's files)",
    description =
        "Reads posts, comments and user updates from reddit.posts, reddit.comments and reddit.users and lands "
            + "each as it came in the history's layout (kind/year=/month=/day=/hour=, JSON lines), local or HDFS, "
            + "for the batch layer; malformed records go to a Kafka topic. Runs until cancelled.",
    streaming = true,
    optionsClass = SocialLandingOptions.class)
public final class SocialLandingPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(SocialLandingPipeline.class);
  private static final String COMMITTED_SAMPLE = "test-data/social/sample";

  private SocialLandingPipeline() {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(SocialLandingOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, SocialLandingOptions.class);
      return;
    }
    args = DefaultRunner.unlessGiven(args);
    PipelineResult result = start(args);
    if (PipelineOptionsFactory.fromArgs(args).as(SocialLandingOptions.class).getWaitUntilFinish()) {
      LOG.info("Social landing ended: {}", result.waitUntilFinish());
    } else {
      LOG.info("Social landing submitted; state {}.", result.getState());
    }
  }

  /** Builds the pipeline and submits it (see the speed layer's {@code start}). */
  public static PipelineResult start(String[] args) {
    PipelineOptionsFactory.register(SocialLandingOptions.class);
    SocialLandingOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(SocialLandingOptions.class);
    options.setStreaming(true);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    return pipeline.run();
  }

  /** Adds the landing: the three topics in, files and dead letters out. */
  public static void buildPipeline(Pipeline pipeline, SocialLandingOptions options) {
    String history = options.getHistory().replaceAll("/+$", "");
    if (history.endsWith(COMMITTED_SAMPLE)) {
      throw new IllegalArgumentException(
          "--history is "
              + history
              + ", the committed sample; give where the live records land, e.g."
              + " --history=hdfs://127.0.0.1:8020/data or --history=target/social-history");
    }
    KafkaConnection kafka = KafkaFromOptions.connection(options);
    LOG.info(
        "Social landing on {}: {} topics {} -> {} every {}",
        options.getRunner().getSimpleName(),
        kafka,
        Arrays.stream(SocialKind.values()).map(SocialKind::topic).toList(),
        history,
        options.getLandEvery());
    PCollectionTuple landed =
        pipeline
            .apply(
                "Read the topics",
                ReadSocialTopics.from(
                    kafka,
                    options.getConsumerGroup(),
                    OptionValues.duration("maxOutOfOrder", options.getMaxOutOfOrder())))
            .apply("Check and partition", new LandSocialRecords());
    landed
        .get(LandSocialRecords.LANDED)
        .apply(
            "Land",
            WriteLinesPartitioned.to(
                history, OptionValues.duration("landEvery", options.getLandEvery())));
    landed
        .get(LandSocialRecords.DEAD_LETTERS)
        .apply(
            "Dead letters to Kafka",
            WriteKafka.deadLettersTo(kafka, options.getSocialDeadLetterTopic()));
  }
}
