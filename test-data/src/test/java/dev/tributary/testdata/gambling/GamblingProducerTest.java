package dev.tributary.testdata.gambling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the live producer sends and what the consumer counts, without Kafka (the integration test
 * and the bench send it): the seed's mix, each topic in event-time order, the same seed the same
 * messages, the sending time stamped in, and the consumer's statistics.
 */
class GamblingProducerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theMixIsTheSeedsAndEachTopicIsInEventTimeOrder() {
    List<GamblingProducer.Message> messages =
        GamblingProducer.messages(new GamblingProducer.Settings(), 2_000);
    assertEquals(2_000, messages.size());
    Map<String, Integer> perTopic = new HashMap<>();
    Map<String, Instant> last = new HashMap<>();
    for (GamblingProducer.Message m : messages) {
      perTopic.merge(m.topic(), 1, Integer::sum);
      Instant before = last.put(m.topic(), m.time());
      assertTrue(before == null || !m.time().isBefore(before), m.topic() + " out of order");
      assertTrue(m.malformed() || m.key() != null, "a well-formed message is keyed by player");
    }
    // 60/20/20 within 3 points over 2,000 draws.
    assertEquals(1_200, perTopic.get(GamblingProducer.BETS_TOPIC), 60);
    assertEquals(400, perTopic.get(GamblingProducer.TRANSACTIONS_TOPIC), 60);
    assertEquals(400, perTopic.get(GamblingProducer.ACTIVITY_TOPIC), 60);
  }

  @Test
  void theSameSeedGivesTheSameMessagesAndAnotherOtherOnes() {
    GamblingProducer.Settings s = new GamblingProducer.Settings();
    List<GamblingProducer.Message> first = GamblingProducer.messages(s, 500);
    assertEquals(first, GamblingProducer.messages(s, 500));
    s.world.seed = 43;
    assertNotEquals(first, GamblingProducer.messages(s, 500));
  }

  @Test
  void aSentRecordCarriesTheSendingTimeAndASessionItsLength() throws Exception {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    for (GamblingProducer.Message m :
        GamblingProducer.messages(new GamblingProducer.Settings(), 300)) {
      String sent = GamblingProducer.stamped(m, now);
      if (m.malformed()) {
        assertEquals(m.text(), sent);
        continue;
      }
      JsonNode json = JSON.readTree(sent);
      JsonNode original = JSON.readTree(m.text());
      switch (m.entity()) {
        case "bets" -> assertEquals(now.toString(), json.get("placed_at").asText());
        case "sessions" -> {
          assertEquals(now.toString(), json.get("start_time").asText());
          assertEquals(
              Instant.parse(original.get("end_time").asText()).toEpochMilli()
                  - Instant.parse(original.get("start_time").asText()).toEpochMilli(),
              Instant.parse(json.get("end_time").asText()).toEpochMilli() - now.toEpochMilli());
        }
        default -> assertEquals(now.toString(), json.get("timestamp").asText());
      }
    }
  }

  @Test
  void theConsumerCountsWhatItReadsAndPrintsEveryTenth() {
    GamblingConsumer.Statistics statistics = new GamblingConsumer.Statistics();
    statistics.add(
        "gambling-bets",
        "{\"bet_id\":\"B1\",\"stake\":\"10.00\",\"payout\":\"4.50\",\"player_id\":\"P1\"}");
    statistics.add(
        "gambling-transactions",
        "{\"transaction_id\":\"T1\",\"transaction_type\":\"deposit\",\"amount\":\"50.00\","
            + "\"status\":\"completed\"}");
    statistics.add("gambling-player-activity", "{\"start_time\":\"x\",\"platform\":\"mobile\"}");
    statistics.add("gambling-player-activity", "{\"event_id\":\"E1\"}");
    statistics.add("gambling-bets", "{broken");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    statistics.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
    String line = printed.toString(StandardCharsets.UTF_8);
    assertEquals(5, statistics.messages());
    assertEquals(1, statistics.bets());
    assertEquals(1, statistics.unreadable());
    assertTrue(line.contains("GGR 5.50"), line);
    assertTrue(line.contains("{deposit=50.00}"), line);
    assertTrue(line.contains("{mobile=1}"), line);
  }
}
