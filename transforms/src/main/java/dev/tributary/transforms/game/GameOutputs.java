package dev.tributary.transforms.game;

import dev.tributary.transforms.DeadLetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Everything {@link GameEventAnalysis} produces: every event (the seed's {@code extracted_events}),
 * the purchases, the counts by folder, and the dead letters.
 */
public final class GameOutputs implements POutput {
  private final PCollection<GameEvent> events;
  private final PCollection<GameEvent> purchases;
  private final Map<String, PCollection<Row>> views;
  private final PCollection<DeadLetter> deadLetters;

  GameOutputs(
      PCollection<GameEvent> events,
      PCollection<GameEvent> purchases,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    this.events = events;
    this.purchases = purchases;
    this.views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
    this.deadLetters = deadLetters;
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

  @Override
  public Pipeline getPipeline() {
    return events.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> all = new LinkedHashMap<>();
    all.put(new TupleTag<GameEvent>("events"), events);
    all.put(new TupleTag<GameEvent>("purchases"), purchases);
    views.forEach((name, rows) -> all.put(new TupleTag<Row>(name), rows));
    all.put(new TupleTag<DeadLetter>("deadLetters"), deadLetters);
    return all;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
