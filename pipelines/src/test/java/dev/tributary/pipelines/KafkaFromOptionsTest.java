package dev.tributary.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.io.KafkaConnection;
import dev.tributary.options.banking.StreamingFraudDetectionOptions;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * {@code --kafkaProperties} reaches the Kafka connection, with its JAAS value whole, and stays out
 * of the options as Beam serializes them: the form runners ship to workers and Flink lists in its
 * web UI and REST API.
 */
class KafkaFromOptionsTest {
  @Test
  void theClientSettingsReachTheConnectionButNotTheSerializedOptions() throws Exception {
    String jaas =
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\""
            + " password=\"hunter2\";";
    StreamingFraudDetectionOptions options =
        PipelineOptionsFactory.fromArgs(
                "--bootstrapServers=127.0.0.1:9092",
                "--kafkaProperties=security.protocol=SASL_SSL;sasl.jaas.config=" + jaas)
            .as(StreamingFraudDetectionOptions.class);

    KafkaConnection kafka = KafkaFromOptions.connection(options);
    assertEquals(
        Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", jaas),
        kafka.clientProperties());
    assertFalse(kafka.toString().contains("hunter2"), kafka.toString());

    String serialized = new ObjectMapper().writeValueAsString(options);
    assertTrue(serialized.contains("127.0.0.1:9092"), serialized);
    assertFalse(serialized.contains("hunter2"), serialized);
    assertFalse(serialized.contains("SASL_SSL"), serialized);
  }
}
