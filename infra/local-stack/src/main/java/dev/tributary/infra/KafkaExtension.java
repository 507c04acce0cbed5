package dev.tributary.infra;

import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A real Kafka broker for a test class, on free ports. Use as a static {@code @RegisterExtension}
 * field.
 */
public final class KafkaExtension extends ServerExtension<KafkaServer> {
  public KafkaExtension() {
    super("kafka");
  }

  @Override
  KafkaServer start(Path dataDir) {
    return KafkaServer.start(dataDir, FreePort.next(), FreePort.next());
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
