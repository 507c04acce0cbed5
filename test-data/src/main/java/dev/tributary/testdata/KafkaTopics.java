package dev.tributary.testdata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The topics a producer sends to, created when they do not exist yet. */
public final class KafkaTopics {
  private KafkaTopics() {}

  /**
   * Creates those of {@code topics} that Kafka at {@code bootstrapServers} lacks, with {@code
   * partitions} partitions each (replication 1), and says so; a Kafka that cannot be reached fails
   * here, naming it.
   */
  public static void createMissing(
      String bootstrapServers, Collection<String> topics, int partitions) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, partitions, (short) 1));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        System.out.printf("Created %s with %d partitions%n", missing, partitions);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot reach Kafka at " + bootstrapServers + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
