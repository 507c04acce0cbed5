package dev.tributary.gameapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.KafkaExtension;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The load command against the API and a real Kafka: the seed's script of ab commands stores the
 * seed's 128 events, each with the Host its command gave, and a closed-loop run stores one event
 * per 200.
 */
class GameLoadTest {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSeedsScriptStoresTheSeedsEvents() throws Exception {
    KAFKA.createTopic("events", 1);
    try (GameApi api =
            GameApi.start(
                new EventPublisher(KAFKA.bootstrapServers(), "events"), "127.0.0.1", 0, 1024);
        GameLoad load = new GameLoad()) {
      URI base = URI.create("http://127.0.0.1:" + api.port());
      List<AbCommand> commands = new ArrayList<>();
      for (AbCommand command :
          GameLoad.readScript(Path.of("..", "test-data", "game", "seed-ab-commands.txt"))) {
        commands.add(command.against(base));
      }
      LoadReport seed = load.replay(commands);
      assertEquals(Map.of(200, 128L), seed.byStatus());

      Map<String, Long> byHost = new TreeMap<>();
      Map<String, Long> byType = new TreeMap<>();
      for (ConsumerRecord<String, String> record : KAFKA.readAll("events")) {
        byHost.merge(record.key(), 1L, Long::sum);
        byType.merge(JSON.readTree(record.value()).get("event_type").asText(), 1L, Long::sum);
      }
      assertEquals(
          Map.of(
              "user4.spectrum.com", 40L,
              "user2.att.com", 29L,
              "user1.comcast.com", 25L,
              "user3.verizon.com", 20L,
              "user5.fios.com", 14L),
          byHost);
      assertEquals(
          Map.of(
              "default", 37L,
              "purchase_shield", 29L,
              "purchase_sword", 25L,
              "purchase_knife", 20L,
              "upgrade_sword", 10L,
              "upgrade_shield", 7L),
          byType);

      LoadReport burst =
          load.closedLoop(base.resolve("/upgrade_a_shield"), Map.of("Host", "h"), 500, 16);
      assertEquals(Map.of(200, 500L), burst.byStatus());
      assertEquals(628, KAFKA.count("events"));
    }
  }
}
