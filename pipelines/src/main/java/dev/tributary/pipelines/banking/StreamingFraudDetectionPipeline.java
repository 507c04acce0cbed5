package dev.tributary.pipelines.banking;

import dev.tributary.io.KafkaConnection;
import dev.tributary.io.ReadKafka;
import dev.tributary.io.ReadLines;
import dev.tributary.io.WriteElasticsearch;
import dev.tributary.io.WriteKafka;
import dev.tributary.options.OptionValues;
import dev.tributary.options.banking.StreamingFraudDetectionOptions;
import dev.tributary.options.templates.Template;
import dev.tributary.pipelines.DefaultRunner;
import dev.tributary.pipelines.KafkaFromOptions;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.banking.BankingFraudAnalysis;
import dev.tributary.transforms.banking.BankingOutputs;
import java.util.Arrays;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streaming fraud detection: transactions from a Kafka topic through the very same {@link
 * BankingFraudAnalysis} as the batch pipeline; only the source and the sinks differ.
 *
 * <ul>
 *   <li>alerts to the {@code --alertsTopic} (keyed by account) and to Elasticsearch index {@code
 *       fraud_alerts_<version>} (document id = alert id, so re-runs overwrite);
 *   <li>views to Elasticsearch: {@code views_account_hourly_<version>}, {@code
 *       views_category_daily_<version>}, {@code views_top_accounts_daily_<version>}; each pane
 *       overwrites its window's document, so the final pane is what remains;
 *   <li>dead letters (malformed messages, documents Elasticsearch refused) to {@code
 *       --deadLetterTopic}.
 * </ul>
 *
 * <p>Meant for the Flink runner with checkpointing, e.g. {@code --runner=FlinkRunner
 * --streaming=true --checkpointingInterval=10000 --unalignedCheckpointEnabled=true
 * --fasterCopy=true}.
 */
@Template(
    name = "Banking_Fraud_Detection_Streaming",
    displayName = "Banking fraud detection (streaming, Kafka to Kafka and Elasticsearch)",
    description =
        "Reads banking transactions from a Kafka topic, applies the same analysis as the batch template, "
            + "and writes alerts to a Kafka topic and an Elasticsearch index, views to Elasticsearch and dead letters "
            + "to a Kafka topic. Runs until cancelled; meant for Flink with checkpointing.",
    streaming = true,
    optionsClass = StreamingFraudDetectionOptions.class)
public final class StreamingFraudDetectionPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingFraudDetectionPipeline.class);

  private StreamingFraudDetectionPipeline() {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(StreamingFraudDetectionOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, StreamingFraudDetectionOptions.class);
      return;
    }
    args = DefaultRunner.unlessGiven(args);
    PipelineResult result = start(args);
    if (PipelineOptionsFactory.fromArgs(args)
        .as(StreamingFraudDetectionOptions.class)
        .getWaitUntilFinish()) {
      LOG.info("Streaming fraud detection ended: {}", result.waitUntilFinish());
    } else {
      LOG.info(
          "Streaming fraud detection submitted; state {}. Not waiting for it to end (--waitUntilFinish=false).",
          result.getState());
    }
  }

  /**
   * Builds the pipeline and submits it. With Flink's {@code --attachedMode=false} this returns at
   * once with a result that can cancel the job; otherwise it returns when the job ends.
   */
  public static PipelineResult start(String[] args) {
    PipelineOptionsFactory.register(StreamingFraudDetectionOptions.class);
    StreamingFraudDetectionOptions options =
        PipelineOptionsFactory.fromArgs(args)
            .withValidation()
            .as(StreamingFraudDetectionOptions.class);
    options.setStreaming(true);
    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    return pipeline.run();
  }

  /**
   * Adds the whole streaming job to {@code pipeline}: Kafka in, analysis, Kafka and Elasticsearch
   * out.
   */
  public static BankingOutputs buildPipeline(
      Pipeline pipeline, StreamingFraudDetectionOptions options) {
    KafkaConnection kafka = KafkaFromOptions.connection(options);
    LOG.info(
        "Streaming fraud detection on {}: {} topic {} -> {} and {} index fraud_alerts_{}; {}",
        options.getRunner().getSimpleName(),
        kafka,
        options.getInputTopic(),
        options.getAlertsTopic(),
        options.getElasticsearchUrl(),
        options.getIndexVersion(),
        FraudDetectionPipeline.thresholds(options));
    PCollection<RawRecord> transactions =
        pipeline.apply(
            "Read transactions",
            ReadKafka.from(kafka, options.getInputTopic(), options.getConsumerGroup())
                .withMaxOutOfOrder(
                    OptionValues.duration("maxOutOfOrder", options.getMaxOutOfOrder())));
    PCollection<RawRecord> accounts =
        pipeline.apply("Read accounts", ReadLines.from(options.getAccounts()));

    BankingOutputs outputs =
        transactions.apply(
            "Analyse transactions", FraudDetectionPipeline.analysis(accounts, options));

    String url = options.getElasticsearchUrl();
    String version = "_" + options.getIndexVersion();
    PCollection<DeadLetter> alertsTooLarge =
        outputs
            .alerts()
            .apply("Alerts to Kafka", WriteKafka.to(kafka, options.getAlertsTopic(), "subjectId"));
    PCollection<DeadLetter> refusedAlerts =
        outputs
            .alerts()
            .apply(
                "Alerts to Elasticsearch",
                WriteElasticsearch.to(url, "fraud_alerts" + version, "id"));
    PCollection<DeadLetter> refusedHourly =
        outputs
            .accountHourly()
            .apply(
                "Account hourly view",
                WriteElasticsearch.to(url, "views_account_hourly" + version, "key", "windowStart"));
    PCollection<DeadLetter> refusedDaily =
        outputs
            .categoryDaily()
            .apply(
                "Category daily view",
                WriteElasticsearch.to(url, "views_category_daily" + version, "key", "windowStart"));
    PCollection<DeadLetter> refusedTop =
        outputs
            .topAccountsDaily()
            .apply(
                "Top accounts view",
                WriteElasticsearch.to(
                    url, "views_top_accounts_daily" + version, "windowStart", "rank"));

    PCollectionList.of(outputs.deadLetters())
        .and(alertsTooLarge)
        .and(refusedAlerts)
        .and(refusedHourly)
        .and(refusedDaily)
        .and(refusedTop)
        .apply("All dead letters", Flatten.pCollections())
        .apply(
            "Dead letters to Kafka", WriteKafka.deadLettersTo(kafka, options.getDeadLetterTopic()));
    return outputs;
  }
}
