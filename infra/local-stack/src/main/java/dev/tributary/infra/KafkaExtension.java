package dev.tributary.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker for a test class: started once before its tests, on free ports with a fresh
 * data directory, and stopped after. Use as a static {@code @RegisterExtension} field.
 */
public final class KafkaExtension implements BeforeAllCallback, AfterAllCallback {
  private KafkaServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      server = KafkaServer.start(Files.createTempDirectory("tributary-kafka"), FreePort.next(), FreePort.next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }

  public String bootstrapServers() {
    return server.bootstrapServers();
  }

  public void createTopic(String topic, int partitions) {
    server.createTopic(topic, partitions);
  }

  public void produce(List<ProducerRecord<String, String>> records) {
    server.produce(records);
  }

  public long count(String topic) {
    return server.count(topic);
  }

  public List<ConsumerRecord<String, String>> readAll(String topic) {
    return server.readAll(topic);
  }
}
