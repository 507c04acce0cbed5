package dev.tributary.transforms.game;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.ParsedRecords;
import dev.tributary.transforms.RawRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * {@link GameEventAnalysis} as a plain loop over the events, with no Beam: the tests' oracle and
 * the bench's baseline. Written again from the definitions; only the parser is shared.
 */
public final class GameModel {
  private static final long HOUR_MILLIS = GameView.HOUR.getMillis();

  /** The model's outputs: the events kept, the purchases, the counts by folder, dead letters. */
  public record Result(
      List<GameEvent> events,
      List<GameEvent> purchases,
      Map<String, List<Row>> views,
      List<DeadLetter> deadLetters) {}

  /** The analysis of {@code raw}: Kafka messages or lines of files, one JSON event each. */
  public Result run(List<RawRecord> raw) {
    ParsedRecords<GameEvent> parsed =
        ParsedRecords.of("events", new GameEventParser(), e -> e.requestId, raw);
    List<GameEvent> events = parsed.records();
    List<GameEvent> purchases = new ArrayList<>();
    for (GameEvent event : events) {
      if (event.eventType.startsWith("purchase_")) {
        purchases.add(event);
      }
    }
    return new Result(events, purchases, counts(events), parsed.deadLetters());
  }

  /** The counts of {@link CountGameEvents} over {@code events}, by folder. */
  public static Map<String, List<Row>> counts(List<GameEvent> events) {
    Map<String, List<Row>> views = new LinkedHashMap<>();
    for (GameView view : GameView.values()) {
      views.put(view.folder(), count(events, view));
    }
    return views;
  }

  private record Cell(String key, Optional<Instant> hourStart) {}

  private static List<Row> count(List<GameEvent> events, GameView view) {
    Map<Cell, Long> counts = new LinkedHashMap<>();
    for (GameEvent event : events) {
      Optional<Instant> hour =
          view.hourly()
              ? Optional.of(
                  new Instant(
                      Math.floorDiv(event.eventTime.getMillis(), HOUR_MILLIS) * HOUR_MILLIS))
              : Optional.empty();
      counts.merge(new Cell(view.keyOf().apply(event), hour), 1L, Long::sum);
    }
    Schema schema = CountGameEvents.aggregateOf(view).resultSchema();
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (cell, count) -> {
          List<Object> values = new ArrayList<>();
          values.add(cell.key());
          cell.hourStart()
              .ifPresent(
                  start -> {
                    values.add(start);
                    values.add(start.plus(GameView.HOUR));
                  });
          values.add(count);
          values.add(true);
          rows.add(Row.withSchema(schema).addValues(values).build());
        });
    return rows;
  }
}
