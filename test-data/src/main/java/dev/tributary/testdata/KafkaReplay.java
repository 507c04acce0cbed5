package dev.tributary.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends generated lines to a Kafka topic in their order, at a given rate, for a given time or
 * count: each message keyed by its account id and stamped (CreateTime) with its event time, so that
 * a consumer sees event time; a malformed line goes as it is, with its own time if it has a
 * readable one and its neighbour's otherwise. The lines must be in event-time order (the
 * generator's are): a consumer's watermark follows the times it has seen.
 */
public final class KafkaReplay {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaReplay() {}

  /**
   * Sends up to {@code maxCount} lines (0: all) for at most {@code maxDuration} (zero: no limit) at
   * {@code ratePerSecond} (0: as fast as possible); returns how many it sent, every one of them
   * acknowledged by Kafka (a send that fails after the producer's retries fails the replay).
   */
  public static long send(
      String bootstrapServers,
      String topic,
      List<String> lines,
      double ratePerSecond,
      long maxCount,
      Duration maxDuration) {
    long started = System.nanoTime();
    Pacer pacer = new Pacer(ratePerSecond);
    long sent = 0;
    long lastEventTime = 0;
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new StringSerializer())) {
      for (String line : lines) {
        if ((maxCount > 0 && sent >= maxCount)
            || (!maxDuration.isZero() && System.nanoTime() - started >= maxDuration.toNanos())) {
          break;
        }
        String key = null;
        try {
          JsonNode node = JSON.readTree(line);
          key = node.path("accountId").isTextual() ? node.get("accountId").asText() : null;
          lastEventTime = Instant.parse(node.path("eventTime").asText()).toEpochMilli();
        } catch (Exception malformed) {
          // Sent as it is: finding it is the pipeline's job.
        }
        producer.send(
            new ProducerRecord<>(topic, null, lastEventTime, key, line),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
        sent++;
        if (!pacer.awaitTurn(sent)) {
          break;
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "Kafka did not take every message sent to " + topic, failure.get());
    }
    return sent;
  }
}
