package dev.tributary.testdata.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the live producer sends, without Kafka (the integration tests send it): the same seed gives
 * the same records; posts and comments are numbered on from the first id, across days, never twice;
 * a sent record carries the sending time.
 */
class SocialProducerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SocialProducer.Settings small(long seed) {
    SocialProducer.Settings s = new SocialProducer.Settings();
    s.records.seed = seed;
    s.records.users = 20;
    s.records.postsPerHour = 2;
    s.records.userUpdatesPerHour = 1;
    return s;
  }

  private static List<SocialHistoryGenerator.Line> take(SocialProducer.Settings s, int n) {
    List<SocialHistoryGenerator.Line> lines = new ArrayList<>();
    for (Iterator<SocialHistoryGenerator.Line> it = SocialProducer.records(s);
        it.hasNext() && lines.size() < n; ) {
      lines.add(it.next());
    }
    return lines;
  }

  @Test
  void theSameSeedGivesTheSameRecordsAndAnotherOtherOnes() {
    assertEquals(take(small(5), 500), take(small(5), 500));
    assertNotEquals(take(small(5), 500), take(small(6), 500));
  }

  @Test
  void idsContinueAfterTheFirstIdAcrossDaysAndNeverRepeat() throws Exception {
    // A day of this small setting holds about 240 records: 400 run into the second.
    List<SocialHistoryGenerator.Line> lines = take(small(5), 400);
    Set<String> ids = new HashSet<>();
    Instant firstDay = lines.get(0).time();
    boolean laterDay = false;
    for (SocialHistoryGenerator.Line line : lines) {
      if (line.defect() != null || line.kind().equals("users")) {
        continue;
      }
      JsonNode json = JSON.readTree(line.text());
      String id = json.get(line.kind().equals("posts") ? "post_id" : "comment_id").asText();
      assertTrue(Long.parseLong(id.substring(1)) > 10_000_000L, id);
      assertTrue(ids.add(id), "a repeated id " + id);
      laterDay |= line.time().isAfter(firstDay.plusSeconds(86_400));
    }
    assertTrue(laterDay, "the records run into a later day");
    assertEquals(
        "p10000001", ids.stream().filter(id -> id.startsWith("p")).sorted().findFirst().get());
  }

  @Test
  void aSentRecordCarriesTheSendingTime() throws Exception {
    SocialHistoryGenerator.Line post = null;
    for (SocialHistoryGenerator.Line line : take(small(5), 200)) {
      if (line.kind().equals("posts") && line.defect() == null) {
        post = line;
        break;
      }
    }
    Instant now = Instant.parse("2026-12-03T10:00:00.123Z");
    JsonNode sent = JSON.readTree(SocialProducer.restamped(post, now));
    assertEquals(now.toString(), sent.get("timestamp").asText());
    assertEquals(now.toString(), sent.get("created_utc").asText());
    JsonNode generated = JSON.readTree(post.text());
    assertEquals(generated.get("post_id"), sent.get("post_id"));
    assertFalse(generated.get("timestamp").asText().equals(now.toString()));
  }
}
