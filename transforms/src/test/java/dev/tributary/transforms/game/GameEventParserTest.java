package dev.tributary.transforms.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.InvalidRecordException;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class GameEventParserTest {
  private final GameEventParser parser = new GameEventParser();

  @Test
  void readsAnEventAsTheApiWritesIt() throws InvalidRecordException {
    GameEvent event =
        parser.parse(
            "{\"request_id\":\"r-1\",\"event_type\":\"purchase_sword\",\"Host\":\"user1.comcast.com\","
                + "\"User-Agent\":\"ApacheBench/2.3\",\"Accept\":\"*/*\","
                + "\"timestamp\":\"2026-12-03T06:00:00.125Z\"}");
    assertEquals(
        new GameEvent(
            "r-1",
            "purchase_sword",
            "user1.comcast.com",
            "ApacheBench/2.3",
            "*/*",
            "{}",
            Instant.parse("2026-12-03T06:00:00.125Z")),
        event);
    assertTrue(event.isPurchase());
  }

  @Test
  void headersARequestNeedNotSendAreEmptyAndAttributesStayJson() throws InvalidRecordException {
    GameEvent event =
        parser.parse(
            "{\"request_id\":\"r-2\",\"event_type\":\"level_up\",\"Host\":\"localhost:5000\","
                + "\"timestamp\":\"2026-12-03T06:00:00Z\",\"attributes\":{\"level\":7}}");
    assertEquals("", event.userAgent);
    assertEquals("", event.accept);
    assertEquals("{\"level\":7}", event.attributes);
  }

  @Test
  void refusesWhatTheApiNeverWrites() {
    String[] bad = {
      "{\"request_id\":\"r\",\"event_type\":\"Purchase A Sword!\",\"Host\":\"h\",\"timestamp\":\"2026-12-03T06:00:00Z\"}",
      "{\"request_id\":\"r\",\"Host\":\"h\",\"timestamp\":\"2026-12-03T06:00:00Z\"}",
      "{\"request_id\":\"r\",\"event_type\":\"default\",\"Host\":\"a b\",\"timestamp\":\"2026-12-03T06:00:00Z\"}",
      "{\"request_id\":\"r\",\"event_type\":\"default\",\"Host\":\""
          + "h".repeat(256)
          + "\",\"timestamp\":\"2026-12-03T06:00:00Z\"}",
      "{\"request_id\":\"r\",\"event_type\":\"default\",\"Host\":\"h\",\"timestamp\":\"yesterday\"}",
      "{\"request_id\":\"r\",\"event_type\":\"default\",\"Host\":\"h\",\"timestamp\":\"2026-12-03T06:00:00Z\",\"attributes\":[1]}",
      "{\"request_id\":\"r\",\"event_type\":\"default\"",
    };
    for (String payload : bad) {
      assertThrows(InvalidRecordException.class, () -> parser.parse(payload), payload);
    }
  }

  @Test
  void aRefusalNamesTheField() {
    InvalidRecordException e =
        assertThrows(
            InvalidRecordException.class,
            () ->
                parser.parse(
                    "{\"request_id\":\"r\",\"event_type\":\"BAD\",\"Host\":\"h\",\"timestamp\":\"2026-12-03T06:00:00Z\"}"));
    assertTrue(e.getMessage().contains("event_type"), e.getMessage());
  }
}
