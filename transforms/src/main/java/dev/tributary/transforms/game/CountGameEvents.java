package dev.tributary.transforms.game;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Duration;

/**
 * Counts game events per event type and per host, over all time and per hour: one output per {@link
 * GameView}, tagged by its folder. Rows hold the key, the window (hourly views), {@code events} and
 * {@code isFinal}. The same transform counts events parsed from Kafka or JSON lines and events read
 * back from the landed Parquet.
 *
 * <pre>
 *   events -> Aggregate(count; event type | host; all time | hour) -> by-event-type*, by-host*
 * </pre>
 */
public class CountGameEvents extends PTransform<PCollection<GameEvent>, PCollectionTuple> {
  /** What every view measures. */
  public static final Measures<GameEvent> EVENT_MEASURES = Measures.<GameEvent>of().count("events");

  private final Duration allowedLateness;
  private final Duration earlyFiringsEvery;

  private CountGameEvents(Duration allowedLateness, Duration earlyFiringsEvery) {
    this.allowedLateness = allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  /**
   * In streaming, hourly windows take events up to {@code allowedLateness} late and every view
   * fires early panes every {@code earlyFiringsEvery}.
   */
  public static CountGameEvents of(Duration allowedLateness, Duration earlyFiringsEvery) {
    return new CountGameEvents(allowedLateness, earlyFiringsEvery);
  }

  /** The output tag of a view. */
  public static TupleTag<Row> tagOf(GameView view) {
    return new TupleTag<>(view.folder());
  }

  /** The outputs by folder, in {@link GameView}'s order. */
  public static Map<String, PCollection<Row>> byFolder(PCollectionTuple counts) {
    Map<String, PCollection<Row>> views = new LinkedHashMap<>();
    for (GameView view : GameView.values()) {
      views.put(view.folder(), counts.get(tagOf(view)));
    }
    return views;
  }

  /** The Beam transform of one view: also the model's source of the view's row schema. */
  static Aggregate<GameEvent> aggregateOf(GameView view) {
    return Aggregate.of(
        KeyFields.of(view.keyField(), view.keyOf()), EVENT_MEASURES, view.windows());
  }

  @Override
  public PCollectionTuple expand(PCollection<GameEvent> events) {
    PCollectionTuple counts = PCollectionTuple.empty(events.getPipeline());
    for (GameView view : GameView.values()) {
      counts =
          counts.and(
              tagOf(view),
              events.apply(
                  "Count " + view.folder(),
                  aggregateOf(view)
                      .withAllowedLateness(allowedLateness)
                      .withEarlyFiringsEvery(earlyFiringsEvery)));
    }
    return counts;
  }
}
