package dev.tributary.io;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Kafka client settings that are secrets (passwords, JAAS configurations with credentials, tokens)
 * kept out of KafkaIO's display data, which lists every consumer and producer setting as it is and
 * which runners show and log: they go to the clients through factories that add them when a client
 * is made, and only the other settings go to KafkaIO's configuration.
 */
final class KafkaSecrets {
  private static final Pattern SECRET =
      Pattern.compile("(?i).*(password|jaas|secret|token|credential|user\\.info).*");

  private KafkaSecrets() {}

  /** Whether the setting named {@code key} holds a secret. */
  static boolean isSecret(String key) {
    return SECRET.matcher(key).matches();
  }

  /** The settings of {@code properties} that are not secrets. */
  static Map<String, Object> withoutSecrets(Map<String, Object> properties) {
    return keeping(properties, false);
  }

  /** The settings of {@code properties} that are secrets. */
  static Map<String, Object> secrets(Map<String, Object> properties) {
    return keeping(properties, true);
  }

  private static Map<String, Object> keeping(Map<String, Object> properties, boolean secret) {
    Map<String, Object> kept = new HashMap<>();
    properties.forEach(
        (key, value) -> {
          if (isSecret(key) == secret) {
            kept.put(key, value);
          }
        });
    return kept;
  }

  /** Makes consumers with KafkaIO's settings plus {@code secrets}. */
  static SerializableFunction<Map<String, Object>, Consumer<byte[], byte[]>> consumers(
      Map<String, Object> secrets) {
    HashMap<String, Object> kept = new HashMap<>(secrets);
    return config -> new KafkaConsumer<>(merged(config, kept));
  }

  /** Makes producers with KafkaIO's settings plus {@code secrets}. */
  static SerializableFunction<Map<String, Object>, Producer<String, String>> producers(
      Map<String, Object> secrets) {
    HashMap<String, Object> kept = new HashMap<>(secrets);
    return config -> new KafkaProducer<>(merged(config, kept));
  }

  private static Map<String, Object> merged(
      Map<String, Object> config, Map<String, Object> secrets) {
    Map<String, Object> all = new HashMap<>(config);
    all.putAll(secrets);
    return all;
  }
}
