package dev.tributary.options;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How a pipeline reaches Kafka and consumes from it. */
public interface KafkaOptions extends PipelineOptions {
  @TemplateParameter(
      order = 10,
      label = "Kafka bootstrap servers",
      helpText = "host:port of one or more brokers.",
      example = "broker-1:9092,broker-2:9092",
      regexes = {"[^\\s,]+:[0-9]+(,[^\\s,]+:[0-9]+)*"})
  @Description("Kafka bootstrap servers, host:port[,host:port].")
  @Default.String("127.0.0.1:9092")
  String getBootstrapServers();

  void setBootstrapServers(String value);

  @TemplateParameter(
      order = 15,
      label = "Kafka client properties",
      helpText =
          "Extra client settings, key=value pairs separated by ';' (SASL, TLS). Never logged.",
      example = "security.protocol=SASL_SSL;sasl.mechanism=PLAIN")
  @Description(
      "Extra Kafka client properties for every consumer and producer, key=value pairs separated by ';'"
          + " (e.g. security.protocol=SASL_SSL;sasl.mechanism=PLAIN;sasl.jaas.config=...). Never logged.")
  @Default.String("")
  // Not serialized with the other options: Flink's web UI and REST API list those (a job's
  // configuration, "user-config"). The value is read once, when the pipeline is built, into the
  // Kafka connection its steps carry.
  @JsonIgnore
  String getKafkaProperties();

  void setKafkaProperties(String value);

  @TemplateParameter(
      order = 14,
      label = "Consumer group",
      helpText = "Kafka consumer group; offsets are committed on checkpoints.",
      example = "tributary-fraud")
  @Description("Kafka consumer group; its offsets are committed when Beam finalizes a checkpoint.")
  @Default.String("tributary")
  String getConsumerGroup();

  void setConsumerGroup(String value);

  @TemplateParameter(
      order = 17,
      label = "Exactly-once shards",
      helpText =
          "Write to Kafka exactly once through KafkaIO's transactional sink, in this many shards"
              + " (Flink with checkpointing); 0 writes at least once.",
      example = "3")
  @Description(
      "Write every Kafka output exactly once through KafkaIO's transactional sink, in this many"
          + " shards (needs a runner with checkpoints and stable input: Flink with"
          + " --checkpointingInterval); messages are visible to read_committed consumers once the"
          + " checkpoint after them completes. Keep it and --consumerGroup the same across restarts."
          + " 0 (default) writes at least once.")
  @Default.Integer(0)
  int getKafkaExactlyOnceShards();

  void setKafkaExactlyOnceShards(int value);

  @TemplateParameter(
      order = 18,
      label = "Watermark from event time only",
      helpText =
          "true: a partition's watermark follows only its messages' times (for replays of recorded"
              + " events); false: it also moves to the clock once the job has caught up.",
      example = "false")
  @Description(
      "false (default): once the job has caught up with a partition, its watermark moves to the"
          + " clock less --maxOutOfOrder, so windows close without new messages (KafkaIO's"
          + " create-time policy, which also caps it at the clock). true: it follows only the"
          + " messages' times, as a replay of recorded events at a rate needs (else the rest of"
          + " the replay is late once the job first catches up); a partition without new messages"
          + " then holds windows open.")
  @Default.Boolean(false)
  boolean getWatermarkFromEventTimeOnly();

  void setWatermarkFromEventTimeOnly(boolean value);

  @TemplateParameter(
      order = 16,
      label = "Max out of order",
      helpText = "How far out of event-time order messages of one partition may arrive.",
      example = "PT1M",
      type = ParameterType.DURATION)
  @Description(
      "How far out of event-time order messages of one partition may arrive, as an ISO-8601 duration;"
          + " the watermark trails the newest event time by this much.")
  @Default.String("PT1M")
  String getMaxOutOfOrder();

  void setMaxOutOfOrder(String value);
}
