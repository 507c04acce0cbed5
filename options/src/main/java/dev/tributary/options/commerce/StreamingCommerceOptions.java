package dev.tributary.options.commerce;

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

/** All options of the streaming commerce pipeline (the seed's consumer). */
public interface StreamingCommerceOptions
    extends StreamingOptions,
        KafkaOptions,
        ElasticsearchOptions,
        CommerceAnalysisOptions,
        EventTimeOptions,
        StreamingJobOptions,
        LandingOptions {
  @TemplateParameter(
      order = 11,
      label = "Orders topic",
      helpText = "Kafka topic of orders, one CSV row (no header) per message.",
      example = "orders",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic of orders, one CSV row (no header) per message.")
  @Default.String("orders")
  String getOrdersTopic();

  void setOrdersTopic(String value);

  @TemplateParameter(
      order = 13,
      label = "Dead-letter topic",
      helpText = "Kafka topic for malformed orders and refused documents.",
      example = "orders-dead-letters",
      type = ParameterType.KAFKA_TOPIC)
  @Description("Kafka topic the dead letters of malformed orders and refused documents go to.")
  @Default.String("orders-dead-letters")
  String getOrdersDeadLetterTopic();

  void setOrdersDeadLetterTopic(String value);

  @TemplateParameter(
      order = 20,
      label = "Landing folder",
      helpText =
          "Where the orders land as Snappy Parquet, partitioned by event hour (year=/month=/day=/hour=).",
      example = "hdfs://namenode:8020/landing/commerce/orders",
      type = ParameterType.FILE_PATH)
  @Description(
      "Where every order lands as Parquet, partitioned by event hour (year=YYYY/month=MM/day=DD/hour=HH),"
          + " local or hdfs://.")
  @Default.String("target/commerce-landing/orders")
  String getLandingOutput();

  void setLandingOutput(String value);
}
