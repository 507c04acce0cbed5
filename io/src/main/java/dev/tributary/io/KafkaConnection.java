package dev.tributary.io;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach a Kafka cluster: bootstrap servers plus client properties (for a real cluster, SASL
 * and TLS settings such as {@code security.protocol=SASL_SSL;sasl.jaas.config=...}). The properties
 * are passed to every consumer and producer and never printed: {@link #toString()} shows only their
 * names.
 *
 * <p>It also says how writes are delivered: at least once (the default), or exactly once through
 * KafkaIO's transactional sink ({@link #withExactlyOnce}); and how a read's watermark moves: with
 * the wall clock once caught up (the default), or with event time only ({@link
 * #withWatermarkFromEventTimeOnly}).
 */
public final class KafkaConnection implements Serializable {
  private final String bootstrapServers;
  private final Map<String, Object> clientProperties;
  private final int exactlyOnceShards;
  private final String sinkGroup;
  private final boolean eventTimeOnly;

  private KafkaConnection(
      String bootstrapServers,
      Map<String, Object> clientProperties,
      int exactlyOnceShards,
      String sinkGroup,
      boolean eventTimeOnly) {
    this.bootstrapServers = bootstrapServers;
    this.clientProperties = clientProperties;
    this.exactlyOnceShards = exactlyOnceShards;
    this.sinkGroup = sinkGroup;
    this.eventTimeOnly = eventTimeOnly;
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
      String key = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      // A JAAS configuration ends with ';', which is also the separator here: put it back, unless
      // the value is a reference that a Kafka config provider resolves (${file:path:key}).
      if (key.endsWith("jaas.config") && !value.endsWith(";") && !value.endsWith("}")) {
        value = value + ";";
      }
      parsed.put(key, value);
    }
    return new KafkaConnection(bootstrapServers, parsed, 0, "", false);
  }

  /**
   * Writes through KafkaIO's exactly-once sink in {@code shards} shards (0: at least once), each
   * topic's sink keeping its progress in Kafka under {@code sinkGroup-<topic>}. Messages become
   * visible to {@code read_committed} consumers when their transaction commits; on Flink that is
   * when the checkpoint after them completes. The shard count and the sink group must stay the same
   * across restarts of one job.
   */
  public KafkaConnection withExactlyOnce(int shards, String sinkGroup) {
    if (shards < 0) {
      throw new IllegalArgumentException("exactly-once shards must be 0 or more, got " + shards);
    }
    if (shards > 0 && sinkGroup.isBlank()) {
      throw new IllegalArgumentException("an exactly-once sink needs a sink group");
    }
    return new KafkaConnection(
        bootstrapServers, clientProperties, shards, sinkGroup, eventTimeOnly);
  }

  /**
   * Whether reads move their watermark with event time only ({@code true}: see {@link
   * EventTimeWatermark}), or also with the wall clock once caught up ({@code false}, the default).
   */
  public KafkaConnection withWatermarkFromEventTimeOnly(boolean eventTimeOnly) {
    return new KafkaConnection(
        bootstrapServers, clientProperties, exactlyOnceShards, sinkGroup, eventTimeOnly);
  }

  /** See {@link #withWatermarkFromEventTimeOnly}. */
  public boolean watermarkFromEventTimeOnly() {
    return eventTimeOnly;
  }

  /** The exactly-once sink's shard count; 0 when writes are at least once. */
  public int exactlyOnceShards() {
    return exactlyOnceShards;
  }

  /** The exactly-once sink group of the writer to {@code topic}. */
  public String sinkGroup(String topic) {
    return sinkGroup + "-" + topic;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Map<String, Object> clientProperties() {
    return new LinkedHashMap<>(clientProperties);
  }

  @Override
  public String toString() {
    return "Kafka at "
        + bootstrapServers
        + " with properties "
        + clientProperties.keySet()
        + (exactlyOnceShards > 0
            ? ", writing exactly once (" + exactlyOnceShards + " shards, group " + sinkGroup + ")"
            : ", writing at least once");
  }
}
