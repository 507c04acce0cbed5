package dev.tributary.transforms.game;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.testdata.game.GameEventGenerator;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The model against the generator's ground truth and against the seed's two tables. */
class GameModelTest {
  @Test
  void everyLabelledLineIsADeadLetterAndNothingElse() {
    GameEventGenerator.Settings settings = new GameEventGenerator.Settings();
    settings.events = 3_000;
    settings.malformedShare = 0.03;
    GameEventGenerator.Output data = GameEventGenerator.generate(settings);
    GameModel.Result result = new GameModel().run(RawRecord.ofLines("events.jsonl", data.lines()));
    TreeSet<String> labelled =
        data.groundTruth().stream()
            .map(l -> "events.jsonl:" + l.line())
            .collect(Collectors.toCollection(TreeSet::new));
    TreeSet<String> dead =
        result.deadLetters().stream()
            .map((DeadLetter d) -> d.source)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(labelled, dead);
    assertEquals(data.lines().size(), result.events().size() + result.deadLetters().size());
    assertEquals(
        result.events().stream().filter(GameEvent::isPurchase).count(), result.purchases().size());
  }

  /** The seed's eleven ab commands: host, path's event type, requests. */
  static final List<Object[]> SEED_REQUESTS =
      List.of(
          new Object[] {"user1.comcast.com", "default", 10},
          new Object[] {"user1.comcast.com", "purchase_sword", 10},
          new Object[] {"user2.att.com", "default", 7},
          new Object[] {"user2.att.com", "purchase_shield", 15},
          new Object[] {"user3.verizon.com", "purchase_sword", 15},
          new Object[] {"user3.verizon.com", "upgrade_sword", 5},
          new Object[] {"user1.comcast.com", "upgrade_sword", 5},
          new Object[] {"user2.att.com", "upgrade_shield", 7},
          new Object[] {"user4.spectrum.com", "purchase_knife", 20},
          new Object[] {"user4.spectrum.com", "default", 20},
          new Object[] {"user5.fios.com", "purchase_shield", 14});

  @Test
  void theSeedsRequestsGiveTheSeedsTables() {
    List<String> lines = new ArrayList<>();
    int id = 0;
    for (Object[] request : SEED_REQUESTS) {
      for (int i = 0; i < (int) request[2]; i++) {
        lines.add(
            String.format(
                "{\"request_id\":\"r-%d\",\"event_type\":\"%s\",\"Host\":\"%s\","
                    + "\"User-Agent\":\"ApacheBench/2.3\",\"Accept\":\"*/*\","
                    + "\"timestamp\":\"2018-07-23T15:04:%02d.000Z\"}",
                ++id, request[1], request[0], id % 60));
      }
    }
    GameModel.Result result = new GameModel().run(RawRecord.ofLines("events", lines));
    assertEquals(128, result.events().size());
    assertEquals(
        Map.of(
            "default", 37L,
            "purchase_shield", 29L,
            "purchase_sword", 25L,
            "purchase_knife", 20L,
            "upgrade_sword", 10L,
            "upgrade_shield", 7L),
        counts(result.views().get(GameView.BY_EVENT_TYPE.folder()), "eventType"));
    assertEquals(
        Map.of(
            "user4.spectrum.com", 40L,
            "user2.att.com", 29L,
            "user1.comcast.com", 25L,
            "user3.verizon.com", 20L,
            "user5.fios.com", 14L),
        counts(result.views().get(GameView.BY_HOST.folder()), "host"));
    assertEquals(
        128L,
        result.views().get(GameView.BY_HOST_HOURLY.folder()).stream()
            .mapToLong(r -> r.getInt64("events"))
            .sum());
  }

  private static Map<String, Long> counts(List<Row> rows, String keyField) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row row : rows) {
      counts.put(row.getString(keyField), row.getInt64("events"));
    }
    return new LinkedHashMap<>(counts);
  }
}
