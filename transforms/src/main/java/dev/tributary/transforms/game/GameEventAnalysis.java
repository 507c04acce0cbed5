package dev.tributary.transforms.game;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.Parse;
import dev.tributary.transforms.RawRecord;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * The game events analysis, written once for batch and streaming: raw JSON events in (Kafka
 * messages of the topic {@code events}, or lines of files), and out come the events, the purchases
 * among them, the counts by event type and by host, and the dead letters. The seed's {@code
 * extract_events} and {@code filtered_writes} jobs and its two Spark SQL queries, in one transform.
 *
 * <pre>
 *   raw events -> Parse(unique request ids) -> events -> Filter(purchase_*) -> purchases
 *                                               events -> CountGameEvents   -> by-event-type*, by-host*
 * </pre>
 */
public class GameEventAnalysis extends PTransform<PCollection<RawRecord>, GameOutputs> {
  private final Duration allowedLateness;
  private final Duration earlyFiringsEvery;

  private GameEventAnalysis(Duration allowedLateness, Duration earlyFiringsEvery) {
    this.allowedLateness = allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  /** See {@link CountGameEvents#of}. */
  public static GameEventAnalysis of(Duration allowedLateness, Duration earlyFiringsEvery) {
    return new GameEventAnalysis(allowedLateness, earlyFiringsEvery);
  }

  @Override
  public GameOutputs expand(PCollection<RawRecord> raw) {
    WithFailures.Result<PCollection<GameEvent>, DeadLetter> parsed =
        raw.apply(
            "Parse events",
            Parse.of("events", new GameEventParser()).withUniqueIds(e -> e.requestId));
    PCollection<GameEvent> events = parsed.output();
    PCollection<GameEvent> purchases = events.apply("Purchases", Filter.by(GameEvent::isPurchase));
    return new GameOutputs(
        events,
        purchases,
        CountGameEvents.byFolder(
            events.apply("Count", CountGameEvents.of(allowedLateness, earlyFiringsEvery))),
        parsed.failures());
  }
}
