package dev.tributary.options.social;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the social streaming pipelines send their dead letters. */
public interface SocialDeadLetterOptions extends PipelineOptions {
  @TemplateParameter(
      order = 13,
      label = "Dead-letter topic",
      helpText = "Kafka topic for malformed records, comments with no post and refused documents.",
      example = "reddit.dead-letters",
      type = ParameterType.KAFKA_TOPIC)
  @Description(
      "Kafka topic the dead letters go to: malformed records, comments whose post never came,"
          + " documents Elasticsearch refused.")
  @Default.String("reddit.dead-letters")
  String getSocialDeadLetterTopic();

  void setSocialDeadLetterTopic(String value);
}
