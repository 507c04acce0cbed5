package dev.tributary.infra;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the messages of a Kafka topic as they arrive, from its beginning, until Ctrl-C or {@code
 * --max N} messages: a stand-in for {@code kafka-console-consumer} on a machine without Kafka's
 * scripts.
 *
 * <pre>
 * mvn -q exec:java -pl infra/local-stack -Dexec.mainClass=dev.tributary.infra.TailTopic -Dexec.args="fraud-alerts"
 * </pre>
 */
public final class TailTopic {
  private TailTopic() {}

  public static void main(String[] args) {
    String topic = null;
    String bootstrap = "127.0.0.1:9092";
    long max = Long.MAX_VALUE;
    for (String arg : args) {
      if (arg.startsWith("--bootstrap-servers=")) {
        bootstrap = arg.substring(arg.indexOf('=') + 1);
      } else if (arg.startsWith("--max=")) {
        max = Long.parseLong(arg.substring(arg.indexOf('=') + 1));
      } else if (arg.equals("--help") || arg.startsWith("--")) {
        System.out.println("TailTopic TOPIC [--bootstrap-servers=127.0.0.1:9092] [--max=N]");
        return;
      } else {
        topic = arg;
      }
    }
    if (topic == null) {
      throw new IllegalArgumentException("name a topic; see --help");
    }
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "tail-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    long seen = 0;
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (seen < max) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          System.out.println(record.key() + "\t" + record.value());
          if (++seen >= max) {
            break;
          }
        }
      }
    }
  }
}
