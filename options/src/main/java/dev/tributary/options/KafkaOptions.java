package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How a pipeline reaches Kafka and consumes from it. */
public interface KafkaOptions extends PipelineOptions {
  @Description("Kafka bootstrap servers, host:port[,host:port].")
  @Default.String("127.0.0.1:9092")
  String getBootstrapServers();

  void setBootstrapServers(String value);

  @Description("Extra Kafka client properties for every consumer and producer, key=value pairs separated by ';'"
      + " (e.g. security.protocol=SASL_SSL;sasl.mechanism=PLAIN;sasl.jaas.config=...). Never logged.")
  @Default.String("")
  String getKafkaProperties();

  void setKafkaProperties(String value);

  @Description("Kafka consumer group; its offsets are committed when Beam finalizes a checkpoint.")
  @Default.String("tributary")
  String getConsumerGroup();

  void setConsumerGroup(String value);

  @Description("How far out of event-time order messages of one partition may arrive, as an ISO-8601 duration;"
      + " the watermark trails the newest event time by this much.")
  @Default.String("PT1M")
  String getMaxOutOfOrder();

  void setMaxOutOfOrder(String value);
}
