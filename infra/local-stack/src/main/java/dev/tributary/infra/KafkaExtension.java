package dev.tributary.infra;

import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Real Kafka for a test class, on free ports: one broker, or a replicated cluster ({@link
 * #replicated}). Use as a static {@code @RegisterExtension} field.
 */
public final class KafkaExtension extends ServerExtension<KafkaServer> {
  private final int nodes;
  private final String user;
  private final String password;

  /** One broker. */
  public KafkaExtension() {
    this(1, null, null);
  }

  private KafkaExtension(int nodes, String user, String password) {
    super("kafka");
    this.nodes = nodes;
    this.user = user;
    this.password = password;
  }

  /**
   * One broker that clients reach over SASL_SSL only, as {@code user} with {@code password} (see
   * {@link KafkaServer#startSecure}); {@link #clientProperties} has what a client needs.
   */
  public static KafkaExtension secure(String user, String password) {
    return new KafkaExtension(1, user, password);
  }

  /**
   * A cluster of {@code nodes} nodes in one KRaft quorum, topics replicated (see {@link
   * KafkaServer#startReplicated}).
   */
  public static KafkaExtension replicated(int nodes) {
    return new KafkaExtension(nodes, null, null);
  }

  @Override
  KafkaServer start(Path dataDir) {
    if (user != null) {
      return KafkaServer.startSecure(dataDir, user, password);
    }
    return nodes == 1
        ? KafkaServer.start(dataDir, FreePort.next(), FreePort.next())
        : KafkaServer.startReplicated(dataDir, nodes);
  }

  /** See {@link KafkaServer#clientProperties}. */
  public java.util.Map<String, Object> clientProperties() {
    return server().clientProperties();
  }

  /** Node {@code i} (0-based), to kill and restart it. */
  public ServerProcess node(int i) {
    return server().node(i);
  }

  /** See {@link KafkaServer#committedPartitions}. */
  public java.util.Set<Integer> committedPartitions(String group, String topic) {
    return server().committedPartitions(group, topic);
  }

  /** The node (0-based) that leads {@code partition} of {@code topic} now. */
  public int leaderOf(String topic, int partition) {
    return server().leaderOf(topic, partition);
  }

  public String bootstrapServers() {
    return server().bootstrapServers();
  }

  public void createTopic(String topic, int partitions) {
    server().createTopic(topic, partitions);
  }

  public void produce(List<ProducerRecord<String, String>> records) {
    server().produce(records);
  }

  public long count(String topic) {
    return server().count(topic);
  }

  public List<ConsumerRecord<String, String>> readAll(String topic) {
    return server().readAll(topic);
  }
}
