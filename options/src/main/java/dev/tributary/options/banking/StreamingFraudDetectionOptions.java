package dev.tributary.options.banking;

import dev.tributary.options.ElasticsearchOptions;
import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.KafkaOptions;
import dev.tributary.options.StreamingJobOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.StreamingOptions;

/** All options of the streaming banking fraud-detection pipeline. */
public interface StreamingFraudDetectionOptions
    extends StreamingOptions,
        AccountReferenceOptions,
        KafkaOptions,
        ElasticsearchOptions,
        FraudRuleOptions,
        EventTimeOptions,
        RankingOptions,
        StreamingJobOptions {
  @TemplateParameter(
      order = 11,
      label = "Transactions topic",
      helpText = "Kafka topic of banking transactions, one JSON object per message.",
      example = "banking-transactions",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic of banking transactions, one JSON object per message.")
  @Default.String("banking-transactions")
  String getInputTopic();

  void setInputTopic(String value);

  @TemplateParameter(
      order = 12,
      label = "Alerts topic",
      helpText = "Kafka topic the alerts go to, keyed by account id.",
      example = "fraud-alerts",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic the alerts go to, keyed by account id.")
  @Default.String("fraud-alerts")
  String getAlertsTopic();

  void setAlertsTopic(String value);

  @TemplateParameter(
      order = 13,
      label = "Dead-letter topic",
      helpText = "Kafka topic for malformed messages and refused documents.",
      example = "banking-dead-letters",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic the dead letters go to, keyed by their source.")
  @Default.String("banking-dead-letters")
  String getDeadLetterTopic();

  void setDeadLetterTopic(String value);
}
