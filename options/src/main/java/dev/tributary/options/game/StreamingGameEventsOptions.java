package dev.tributary.options.game;

import dev.tributary.options.ElasticsearchOptions;
import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.KafkaOptions;
import dev.tributary.options.LandingOptions;
import dev.tributary.options.StreamingJobOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.StreamingOptions;

/** All options of the streaming game events pipeline. */
public interface StreamingGameEventsOptions
    extends StreamingOptions,
        KafkaOptions,
        ElasticsearchOptions,
        EventTimeOptions,
        StreamingJobOptions,
        LandingOptions {
  @TemplateParameter(
      order = 11,
      label = "Events topic",
      helpText = "Kafka topic the game API writes its events to, one JSON object per message.",
      example = "events",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic the game API writes its events to, one JSON object per message.")
  @Default.String("events")
  String getEventsTopic();

  void setEventsTopic(String value);

  @TemplateParameter(
      order = 13,
      label = "Dead-letter topic",
      helpText = "Kafka topic for malformed events and refused documents.",
      example = "events-dead-letters",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic the dead letters of malformed events and refused documents go to.")
  @Default.String("events-dead-letters")
  String getEventsDeadLetterTopic();

  void setEventsDeadLetterTopic(String value);

  @TemplateParameter(
      order = 20,
      label = "Warehouse folder",
      helpText =
          "Where extracted_events/ and purchases/ land as Snappy Parquet, partitioned by event hour.",
      example = "hdfs://namenode:8020/tmp",
      type = ParameterType.FILE_PATH)
  @Description(
      "The folder under which every event lands in extracted_events/ and the purchases in purchases/,"
          + " as Snappy Parquet partitioned by event hour (year=YYYY/month=MM/day=DD/hour=HH), local or hdfs://.")
  @Default.String("target/game-landing")
  String getWarehouse();

  void setWarehouse(String value);
}
