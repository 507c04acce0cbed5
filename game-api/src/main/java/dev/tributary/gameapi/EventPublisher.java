package dev.tributary.gameapi;

import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to a Kafka topic, keyed by host, and says when the brokers have acknowledged each
 * (acks=all, idempotent). When Kafka cannot be reached the future fails within about {@link
 * #GIVE_UP_AFTER_MS} ms, so that the API answers 503 rather than leave a client waiting.
 */
public final class EventPublisher implements AutoCloseable {
  /** How long a send may wait for a broker, for metadata and for the acknowledgement together. */
  public static final int GIVE_UP_AFTER_MS = 5_000;

  private final KafkaProducer<String, String> producer;
  private final String topic;

  public EventPublisher(String bootstrapServers, String topic) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Concurrent requests share batches: one round trip acknowledges many events.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, GIVE_UP_AFTER_MS / 2);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, GIVE_UP_AFTER_MS / 2);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, GIVE_UP_AFTER_MS);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-game-api");
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    this.topic = topic;
  }

  /** Sends {@code json} keyed by {@code host}; completes when Kafka has stored it. */
  public CompletableFuture<RecordMetadata> publish(String host, String json) {
    CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, host, json),
          (metadata, error) -> {
            if (error != null) {
              acknowledged.completeExceptionally(error);
            } else {
              acknowledged.complete(metadata);
            }
          });
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
    return acknowledged;
  }

  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    producer.close();
  }
}
