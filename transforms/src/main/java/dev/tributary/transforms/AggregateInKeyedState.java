package dev.tributary.transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The streaming form of {@link Aggregate}: the same panes (early, on-time, one final), from the
 * statistics of each key's open windows kept in the key's own state.
 *
 * <p>Why not Beam's windowing, as in batch: Beam's Flink runner does not combine before the shuffle
 * in streaming, and its windowing keeps a dozen pieces of state and timers per key and window, each
 * under a window namespace it encodes anew on every access. Here a key has one value (its open
 * windows, in the global window) and three timers, each set for its next pane of one kind: on-time,
 * final, early. A key's early panes come between half and one and a half times the early-firing
 * interval apart, spread over the keys, so that keys that start together do not all fire together.
 * Records later than the allowed lateness are counted as {@code aggregate.lateRecords} and left
 * out, as Beam's windowing leaves them out.
 */
final class AggregateInKeyedState
    extends PTransform<PCollection<KV<String, Tally>>, PCollection<Row>> {
  private final AggregateWindows windows;
  private final List<Accumulation> kinds;
  private final Aggregate.ResultRows rows;
  private final Duration allowedLateness;

  /** Null for final panes only. */
  private final @Nullable Duration earlyFiringsEvery;

  private final boolean combineWithinBundles;

  AggregateInKeyedState(
      AggregateWindows windows,
      List<Accumulation> kinds,
      Aggregate.ResultRows rows,
      Duration allowedLateness,
      @Nullable Duration earlyFiringsEvery,
      boolean combineWithinBundles) {
    this.windows = windows;
    this.kinds = List.copyOf(kinds);
    this.rows = rows;
    this.allowedLateness = allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
    this.combineWithinBundles = combineWithinBundles;
  }

  @Override
  public PCollection<Row> expand(PCollection<KV<String, Tally>> measures) {
    return measures
        // State is kept per key and window: one window, so that a key's state spans all its
        // windows.
        .apply("In one window", Unwindowed.of())
        .apply(
            combineWithinBundles ? "Combine within bundles" : "With window start",
            ParDo.of(
                combineWithinBundles
                    ? new CombineWithinBundleFn(windows, kinds)
                    : new WithWindowStartFn(windows)))
        .setCoder(
            KvCoder.of(StringUtf8Coder.of(), KvCoder.of(InstantCoder.of(), new TallyCoder(kinds))))
        .apply(
            "Measures per key and window",
            ParDo.of(
                new AggregatePanesFn(windows, kinds, rows, allowedLateness, earlyFiringsEvery)))
        .setRowSchema(rows.schema)
        // A pane's timestamp is its window's last instant, so these are the windows the results are
        // about.
        .apply(
            "Into windows of " + windows,
            Window.<Row>into(windows.windowFn()).withAllowedLateness(allowedLateness));
  }

  /**
   * How long after a window's first record since its last pane its next early pane comes: between
   * half and one and a half times {@code every}, fixed per key and window, spread evenly over the
   * keys (or later, with the early pane of an earlier window of the key that is due then). Keys
   * that start together (a job's start or restart, a replay) would otherwise all give their early
   * panes together, every interval: at 10,000 events/s the first seconds' 37,500 accounts gave
   * theirs within the same 10 s.
   */
  static Duration earlyPaneDelay(Duration every, String key, Instant start) {
    long mixed = (key.hashCode() * 0x9E3779B97F4A7C15L) ^ start.getMillis();
    mixed = (mixed ^ (mixed >>> 31)) * 0xBF58476D1CE4E5B9L;
    double spread = ((mixed ^ (mixed >>> 29)) >>> 11) * 0x1.0p-53; // in [0, 1)
    return Duration.millis((long) (every.getMillis() * (0.5 + spread)));
  }

  /**
   * Merges a bundle's statistics per key and window (by its start), and passes them on when the
   * bundle ends, each with the earliest timestamp it merged. The runner holds the watermark while a
   * bundle is open, so nothing becomes late by waiting here. Few keys (categories, games) gain the
   * most.
   */
  private static class CombineWithinBundleFn
      extends DoFn<KV<String, Tally>, KV<String, KV<Instant, Tally>>> {
    private record KeyAndWindow(String key, Instant windowStart) {}

    private record Partial(Tally stats, Instant earliest) {}

    private final AggregateWindows windows;
    private final List<Accumulation> kinds;
    private transient Map<KeyAndWindow, Partial> partials;

    CombineWithinBundleFn(AggregateWindows windows, List<Accumulation> kinds) {
      this.windows = windows;
      this.kinds = kinds;
    }

    @StartBundle
    public void startBundle() {
      partials = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element KV<String, Tally> keyed, @Timestamp Instant timestamp) {
      Instant start = windows.startOf(timestamp);
      partials.merge(
          new KeyAndWindow(keyed.getKey(), start),
          new Partial(keyed.getValue(), timestamp),
          (a, b) ->
              new Partial(
                  a.stats().plus(b.stats(), kinds),
                  a.earliest().isBefore(b.earliest()) ? a.earliest() : b.earliest()));
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      partials.forEach(
          (at, partial) ->
              context.output(
                  KV.of(at.key(), KV.of(at.windowStart(), partial.stats())),
                  partial.earliest(),
                  GlobalWindow.INSTANCE));
      partials = null;
    }
  }

  /**
   * Pairs each record's statistics with the start of its window, for keys that rarely repeat within
   * a bundle.
   */
  private static class WithWindowStartFn
      extends DoFn<KV<String, Tally>, KV<String, KV<Instant, Tally>>> {
    private final AggregateWindows windows;

    WithWindowStartFn(AggregateWindows windows) {
      this.windows = windows;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Tally> keyed,
        @Timestamp Instant timestamp,
        OutputReceiver<KV<String, KV<Instant, Tally>>> out) {
      out.output(KV.of(keyed.getKey(), KV.of(windows.startOf(timestamp), keyed.getValue())));
    }
  }
}
