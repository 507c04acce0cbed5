package dev.tributary.options.gambling;

import dev.tributary.options.ElasticsearchOptions;
import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.KafkaOptions;
import dev.tributary.options.StreamingJobOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.StreamingOptions;

/** All options of the streaming gambling analytics job. */
public interface StreamingGamblingOptions
    extends StreamingOptions,
        GamblingDataOptions,
        KafkaOptions,
        ElasticsearchOptions,
        GamblingRiskOptions,
        EventTimeOptions,
        StreamingJobOptions {
  @TemplateParameter(
      order = 11,
      label = "Alerts topic",
      helpText = "Kafka topic the risk alerts go to, keyed by subject.",
      example = "gambling-alerts",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic the risk alerts go to, keyed by their subject (player, device, ...).")
  @Default.String("gambling-alerts")
  String getGamblingAlertsTopic();

  void setGamblingAlertsTopic(String value);

  @TemplateParameter(
      order = 12,
      label = "Dead-letter topic",
      helpText = "Kafka topic for malformed messages and refused documents.",
      example = "gambling-dead-letters",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic the dead letters go to, keyed by their source.")
  @Default.String("gambling-dead-letters")
  String getGamblingDeadLetterTopic();

  void setGamblingDeadLetterTopic(String value);
}
