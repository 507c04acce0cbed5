package dev.tributary.options.social;

import dev.tributary.options.ElasticsearchOptions;
import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.KafkaOptions;
import dev.tributary.options.StreamingJobOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.StreamingOptions;

/** All options of the social speed layer. */
public interface SocialSpeedLayerOptions
    extends StreamingOptions,
        KafkaOptions,
        ElasticsearchOptions,
        EventTimeOptions,
        StreamingJobOptions,
        SocialViewsOptions {
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
