package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.testing.CrashingRunner;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;

/**
 * A secret in {@code --kafkaProperties} (a SASL password in {@code sasl.jaas.config}) appears in no
 * display data, which runners show (Flink's web UI, Dataflow's job page) and log.
 */
class KafkaSecretsTest {
  private static final String SECRET = "s3cr3t-Pa55word";
  private static final KafkaConnection KAFKA =
      KafkaConnection.of(
          "broker:9093",
          "security.protocol=SASL_SSL;sasl.mechanism=SCRAM-SHA-512;sasl.jaas.config="
              + "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\""
              + " password=\""
              + SECRET
              + "\";ssl.truststore.password="
              + SECRET);

  /** A record to write. */
  @DefaultSchema(JavaFieldSchema.class)
  public static class Message {
    public String key = "k";
  }

  @Test
  void theReadersAndWritersDisplayNoSecret() {
    // Only built, never run: any runner of the test matrix would do, none is needed.
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(CrashingRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply("Read", ReadKafka.from(KAFKA, "in", "group"));
    pipeline
        .apply(Create.of(new Message()))
        .apply("Write", WriteKafka.<Message>to(KAFKA.withExactlyOnce(1, "sink"), "out", "key"));
    String shown = ShownDisplayData.of(pipeline);
    assertTrue(shown.contains("broker:9093"), "display data was read: " + shown);
    assertFalse(shown.contains(SECRET), "a secret in display data: " + shown);
    assertFalse(KAFKA.toString().contains(SECRET));
  }
}
