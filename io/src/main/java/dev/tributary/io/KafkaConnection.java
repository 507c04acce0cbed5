package dev.tributary.io;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach a Kafka cluster: bootstrap servers plus client properties (for a real cluster, SASL
 * and TLS settings such as {@code security.protocol=SASL_SSL;sasl.jaas.config=...}). The properties
 * are passed to every consumer and producer and never printed: {@link #toString()} shows only their
 * names.
 */
public final class KafkaConnection implements Serializable {
  private final String bootstrapServers;
  private final Map<String, Object> clientProperties;

  private KafkaConnection(String bootstrapServers, Map<String, Object> clientProperties) {
    this.bootstrapServers = bootstrapServers;
    this.clientProperties = clientProperties;
  }

  /**
   * {@code properties} as {@code key=value} pairs separated by {@code ;} (values may hold {@code =}
   * but not {@code ;}); empty for none.
   */
  public static KafkaConnection of(String bootstrapServers, String properties) {
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (String pair : properties.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--kafkaProperties must be key=value pairs separated by ';', got an entry without '=': '"
                + pair.substring(0, Math.min(pair.length(), 20))
                + "...'");
      }
      parsed.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return new KafkaConnection(bootstrapServers, parsed);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Map<String, Object> clientProperties() {
    return new LinkedHashMap<>(clientProperties);
  }

  @Override
  public String toString() {
    return "Kafka at " + bootstrapServers + " with properties " + clientProperties.keySet();
  }
}
