package dev.tributary.transforms.game;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.NamedOutputs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Everything {@link GameEventAnalysis} produces: every event (the seed's {@code extracted_events}),
 * the purchases, the counts by folder, and the dead letters.
 */
public final class GameOutputs extends NamedOutputs {
  private final PCollection<GameEvent> events;
  private final PCollection<GameEvent> purchases;
  private final Map<String, PCollection<Row>> views;
  private final PCollection<DeadLetter> deadLetters;

  GameOutputs(
      PCollection<GameEvent> events,
      PCollection<GameEvent> purchases,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    super(events.getPipeline(), all(events, purchases, views, deadLetters));
    this.events = events;
    this.purchases = purchases;
    this.views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
    this.deadLetters = deadLetters;
  }

  private static Map<String, PCollection<?>> all(
      PCollection<GameEvent> events,
      PCollection<GameEvent> purchases,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    Map<String, PCollection<?>> all = new LinkedHashMap<>();
    all.put("events", events);
    all.put("purchases", purchases);
    all.putAll(views);
    all.put("deadLetters", deadLetters);
    return all;
  }

  /** Every event that parsed, once per request id, timestamped by the server's time. */
  public PCollection<GameEvent> events() {
    return events;
  }

  /** The events whose type begins with {@value GameEvent#PURCHASE_PREFIX}. */
  public PCollection<GameEvent> purchases() {
    return purchases;
  }

  /** The counts by folder ({@link GameView#folder()}), in a fixed order. */
  public Map<String, PCollection<Row>> views() {
    return views;
  }

  /** Malformed events and repeated request ids, with their reasons. */
  public PCollection<DeadLetter> deadLetters() {
    return deadLetters;
  }
}
