package dev.tributary.transforms;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
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
            ParDo.of(new PanesFn(windows, kinds, rows, allowedLateness, earlyFiringsEvery)))
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

  /**
   * One key's window that has records and has not had its final pane. Immutable: Flink with {@code
   * --fasterCopy} may be writing the stored value to a checkpoint at the same time.
   *
   * @param panes how many panes it has given
   * @param onTimePaneDone whether the watermark has passed its end: its on-time pane is given or
   *     skipped
   * @param onTimePaneGiven whether it gave an on-time pane (it skips it when nothing came since its
   *     last early pane)
   * @param newRecords whether records came since its last pane
   * @param earlyPaneAt when (processing time) its next early pane is due; null when none is
   */
  record OpenWindow(
      Instant start,
      Tally stats,
      int panes,
      boolean onTimePaneDone,
      boolean onTimePaneGiven,
      boolean newRecords,
      @Nullable Instant earlyPaneAt) {
    static OpenWindow of(Instant start, Tally stats, @Nullable Instant earlyPaneAt) {
      return new OpenWindow(start, stats, 0, false, false, true, earlyPaneAt);
    }

    OpenWindow plus(Tally more, List<Accumulation> kinds, @Nullable Instant earlyPaneIfNoneDue) {
      return new OpenWindow(
          start,
          stats.plus(more, kinds),
          panes,
          onTimePaneDone,
          onTimePaneGiven,
          true,
          earlyPaneAt != null ? earlyPaneAt : earlyPaneIfNoneDue);
    }

    OpenWindow afterEarlyPane() {
      return new OpenWindow(start, stats, panes + 1, false, false, false, null);
    }

    OpenWindow afterOnTimePane() {
      return new OpenWindow(start, stats, panes + 1, true, true, false, null);
    }

    /** Its on-time pane skipped: it would repeat the last early pane. */
    OpenWindow afterSkippedOnTimePane() {
      return new OpenWindow(start, stats, panes, true, false, false, null);
    }
  }

  /**
   * The coder of {@link OpenWindow}, for the state of {@link PanesFn}; its three flags in one byte.
   */
  static final class OpenWindowCoder extends CustomCoder<OpenWindow> {
    private final TallyCoder tallyCoder;

    OpenWindowCoder(TallyCoder tallyCoder) {
      this.tallyCoder = tallyCoder;
    }

    private static final Coder<Instant> EARLY_PANE_AT = NullableCoder.of(InstantCoder.of());
    private static final int ON_TIME_PANE_DONE = 1;
    private static final int ON_TIME_PANE_GIVEN = 2;
    private static final int NEW_RECORDS = 4;

    @Override
    public void encode(OpenWindow window, OutputStream out) throws IOException {
      InstantCoder.of().encode(window.start(), out);
      tallyCoder.encode(window.stats(), out);
      VarIntCoder.of().encode(window.panes(), out);
      out.write(
          (window.onTimePaneDone() ? ON_TIME_PANE_DONE : 0)
              | (window.onTimePaneGiven() ? ON_TIME_PANE_GIVEN : 0)
              | (window.newRecords() ? NEW_RECORDS : 0));
      EARLY_PANE_AT.encode(window.earlyPaneAt(), out);
    }

    @Override
    public OpenWindow decode(InputStream in) throws IOException {
      Instant start = InstantCoder.of().decode(in);
      Tally stats = tallyCoder.decode(in);
      int panes = VarIntCoder.of().decode(in);
      int flags = in.read();
      if (flags < 0) {
        throw new EOFException("an open window ended before its flags");
      }
      return new OpenWindow(
          start,
          stats,
          panes,
          (flags & ON_TIME_PANE_DONE) != 0,
          (flags & ON_TIME_PANE_GIVEN) != 0,
          (flags & NEW_RECORDS) != 0,
          EARLY_PANE_AT.decode(in));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OpenWindowCoder c && tallyCoder.equals(c.tallyCoder);
    }

    @Override
    public int hashCode() {
      return tallyCoder.hashCode();
    }
  }

  /**
   * Per key: its open windows in start order, and three timers, each set for the earliest pane of
   * its kind that is due: on-time panes and final panes (event time), early panes (processing
   * time).
   *
   * <p>Every pane has its window's last instant as its timestamp, as Beam's windowing gives it, and
   * each timer holds the watermark at the earliest timestamp it will give, so that what follows
   * never sees a pane later than its window's allowed lateness.
   */
  private static class PanesFn extends DoFn<KV<String, KV<Instant, Tally>>, Row> {
    private final AggregateWindows windows;
    private final List<Accumulation> kinds;
    private final Aggregate.ResultRows rows;
    private final Duration allowedLateness;
    private final @Nullable Duration earlyFiringsEvery;
    private static final String ON_TIME_PANE = "onTimePane";
    private static final String FINAL_PANE = "finalPane";
    private static final String EARLY_PANE = "earlyPane";
    private final Counter lateRecords =
        Metrics.counter(TributaryMetrics.NAMESPACE, "aggregate.lateRecords");

    /** In start order; never changed in place, only replaced. */
    @StateId("windows")
    private final StateSpec<ValueState<List<OpenWindow>>> windowsSpec;

    @TimerId(ON_TIME_PANE)
    private final TimerSpec onTimePaneSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId(FINAL_PANE)
    private final TimerSpec finalPaneSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId(EARLY_PANE)
    private final TimerSpec earlyPaneSpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    PanesFn(
        AggregateWindows windows,
        List<Accumulation> kinds,
        Aggregate.ResultRows rows,
        Duration allowedLateness,
        @Nullable Duration earlyFiringsEvery) {
      this.windows = windows;
      this.kinds = kinds;
      this.rows = rows;
      this.windowsSpec = StateSpecs.value(ListCoder.of(new OpenWindowCoder(new TallyCoder(kinds))));
      this.allowedLateness = allowedLateness;
      this.earlyFiringsEvery = earlyFiringsEvery;
    }

    @ProcessElement
    public void process(
        @Element KV<String, KV<Instant, Tally>> element,
        @StateId("windows") ValueState<List<OpenWindow>> state,
        @TimerId(ON_TIME_PANE) Timer onTimePane,
        @TimerId(FINAL_PANE) Timer finalPane,
        @TimerId(EARLY_PANE) Timer earlyPane) {
      Instant start = element.getValue().getKey();
      Tally stats = element.getValue().getValue();
      Instant watermark = onTimePane.getCurrentRelativeTime();
      if (closingTime(start).isBefore(watermark)) {
        lateRecords.inc(stats.count());
        return;
      }
      // Early panes are for windows the watermark has not passed; one it has passed gets its
      // on-time pane as soon as the timer can fire.
      List<OpenWindow> before = listOf(state);
      @Nullable
      Instant earlyPaneIfNoneDue =
          earlyFiringsEvery == null || lastInstant(start).isBefore(watermark)
              ? null
              : earlyPane
                  .getCurrentRelativeTime()
                  .plus(earlyPaneDelay(earlyFiringsEvery, element.getKey(), start));
      // Not before the early pane already due for an earlier window: the early-pane timer holds the
      // watermark at that window's last instant, before this record's time, and Beam lets a record
      // set a timer only with a hold no earlier than its own time. The two then fire together.
      @Nullable EarlyTimer due = EarlyTimer.of(before);
      if (earlyPaneIfNoneDue != null
          && due != null
          && due.firstStart().isBefore(start)
          && earlyPaneIfNoneDue.isBefore(due.at())) {
        earlyPaneIfNoneDue = due.at();
      }

      List<OpenWindow> after = new ArrayList<>(before.size() + 1);
      boolean added = false;
      for (OpenWindow window : before) {
        if (!added && window.start().equals(start)) {
          after.add(window.plus(stats, kinds, earlyPaneIfNoneDue));
          added = true;
          continue;
        }
        if (!added && window.start().isAfter(start)) {
          after.add(OpenWindow.of(start, stats, earlyPaneIfNoneDue));
          added = true;
        }
        after.add(window);
      }
      if (!added) {
        after.add(OpenWindow.of(start, stats, earlyPaneIfNoneDue));
      }
      state.write(after);
      setTimers(before, after, onTimePane, finalPane, earlyPane, null);
    }

    @OnTimer(ON_TIME_PANE)
    public void onTimePaneDue(
        OnTimerContext context,
        @Key String key,
        @StateId("windows") ValueState<List<OpenWindow>> state,
        @TimerId(ON_TIME_PANE) Timer onTimePane,
        @TimerId(FINAL_PANE) Timer finalPane,
        @TimerId(EARLY_PANE) Timer earlyPane) {
      Instant due = context.fireTimestamp();
      advance(
          state,
          onTimePane,
          finalPane,
          earlyPane,
          ON_TIME_PANE,
          window -> {
            if (awaitsOnlyItsFinalPane(window) || lastInstant(window.start()).isAfter(due)) {
              return window;
            }
            boolean isFinal = allowedLateness.equals(Duration.ZERO);
            if (!isFinal && !window.newRecords()) {
              // Nothing since its last early pane: the on-time pane would repeat it (Beam's
              // OnTimeBehavior.FIRE_IF_NON_EMPTY). When the watermark passes an hour, every live
              // key's
              // window falls due at once, and most have given their last early pane by then.
              return window.afterSkippedOnTimePane();
            }
            output(context, key, window, Timing.ON_TIME, isFinal);
            return isFinal ? null : window.afterOnTimePane();
          });
    }

    @OnTimer(FINAL_PANE)
    public void finalPaneDue(
        OnTimerContext context,
        @Key String key,
        @StateId("windows") ValueState<List<OpenWindow>> state,
        @TimerId(ON_TIME_PANE) Timer onTimePane,
        @TimerId(FINAL_PANE) Timer finalPane,
        @TimerId(EARLY_PANE) Timer earlyPane) {
      Instant due = context.fireTimestamp();
      advance(
          state,
          onTimePane,
          finalPane,
          earlyPane,
          FINAL_PANE,
          window -> {
            if (!awaitsOnlyItsFinalPane(window) || closingTime(window.start()).isAfter(due)) {
              return window;
            }
            output(
                context, key, window, window.onTimePaneDone() ? Timing.LATE : Timing.ON_TIME, true);
            return null;
          });
    }

    @OnTimer(EARLY_PANE)
    public void earlyPaneDue(
        OnTimerContext context,
        @Key String key,
        @StateId("windows") ValueState<List<OpenWindow>> state,
        @TimerId(ON_TIME_PANE) Timer onTimePane,
        @TimerId(FINAL_PANE) Timer finalPane,
        @TimerId(EARLY_PANE) Timer earlyPane) {
      Instant now = context.fireTimestamp();
      advance(
          state,
          onTimePane,
          finalPane,
          earlyPane,
          EARLY_PANE,
          window -> {
            if (window.earlyPaneAt() == null || window.earlyPaneAt().isAfter(now)) {
              return window;
            }
            output(context, key, window, Timing.EARLY, false);
            return window.afterEarlyPane();
          });
    }

    /**
     * What a timer that fired does to one open window: gives its pane if one is due, and returns
     * the window as it stays open, or null once it is closed.
     */
    private interface PaneStep {
      @Nullable
      OpenWindow apply(OpenWindow window);
    }

    /**
     * Applies {@code step} to each open window in start order, keeps those still open, and sets the
     * timers again.
     */
    private void advance(
        ValueState<List<OpenWindow>> state,
        Timer onTimePane,
        Timer finalPane,
        Timer earlyPane,
        String fired,
        PaneStep step) {
      List<OpenWindow> before = listOf(state);
      List<OpenWindow> after = new ArrayList<>(before.size());
      for (OpenWindow window : before) {
        @Nullable OpenWindow open = step.apply(window);
        if (open != null) {
          after.add(open);
        }
      }
      write(state, after);
      setTimers(before, after, onTimePane, finalPane, earlyPane, fired);
    }

    private void output(
        OnTimerContext context, String key, OpenWindow window, Timing timing, boolean isFinal) {
      long nonSpeculativeIndex = timing == Timing.EARLY ? -1 : window.onTimePaneGiven() ? 1 : 0;
      context.outputWindowedValue(
          rows.row(key, window.start(), window.stats(), isFinal),
          lastInstant(window.start()),
          List.of(context.window()),
          PaneInfo.createPane(
              window.panes() == 0, isFinal, timing, window.panes(), nonSpeculativeIndex));
    }

    /** The window's last instant: its on-time pane is due when the watermark passes it. */
    private Instant lastInstant(Instant start) {
      return windows.lastInstant(start);
    }

    /** When the window's final pane is due; records for it after that are too late. */
    private Instant closingTime(Instant start) {
      return lastInstant(start).plus(allowedLateness);
    }

    private boolean awaitsOnlyItsFinalPane(OpenWindow window) {
      return earlyFiringsEvery == null || window.onTimePaneDone();
    }

    /**
     * Sets each timer whose earliest pane due changed from {@code before} to {@code after}, except
     * that the timer that has just fired ({@code fired}) is set for nothing. Each holds the
     * watermark at the earliest timestamp it will give; a hold is never before the element or timer
     * being processed, as Beam requires, because the panes' windows start in order.
     */
    private void setTimers(
        List<OpenWindow> before,
        List<OpenWindow> after,
        Timer onTimePane,
        Timer finalPane,
        Timer earlyPane,
        @Nullable String fired) {
      @Nullable
      Instant onTimeBefore = ON_TIME_PANE.equals(fired) ? null : firstOnTimePaneStart(before);
      @Nullable Instant onTimeAfter = firstOnTimePaneStart(after);
      if (onTimeAfter != null && !onTimeAfter.equals(onTimeBefore)) {
        onTimePane.set(lastInstant(onTimeAfter));
      }
      @Nullable Instant finalBefore = FINAL_PANE.equals(fired) ? null : firstFinalPaneStart(before);
      @Nullable Instant finalAfter = firstFinalPaneStart(after);
      if (finalAfter != null && !finalAfter.equals(finalBefore)) {
        finalPane.withOutputTimestamp(lastInstant(finalAfter)).set(closingTime(finalAfter));
      }
      @Nullable EarlyTimer earlyBefore = EARLY_PANE.equals(fired) ? null : EarlyTimer.of(before);
      @Nullable EarlyTimer earlyAfter = EarlyTimer.of(after);
      if (Objects.equals(earlyBefore, earlyAfter)) {
        return;
      }
      if (earlyAfter != null) {
        earlyPane.withOutputTimestamp(lastInstant(earlyAfter.firstStart())).set(earlyAfter.at());
      } else {
        // No early pane is due any more: the on-time pane came first. Beam's Flink runner cannot
        // delete a timer (2.62), so it stays set, no longer holding the watermark, and gives
        // nothing.
        earlyPane.withNoOutputTimestamp().set(earlyBefore.at());
      }
    }

    /** The start of the earliest window whose next pane is its on-time pane; null if none. */
    private @Nullable Instant firstOnTimePaneStart(List<OpenWindow> windows) {
      for (OpenWindow window : windows) {
        if (!awaitsOnlyItsFinalPane(window)) {
          return window.start();
        }
      }
      return null;
    }

    /** The start of the earliest window whose next pane is its final pane; null if none. */
    private @Nullable Instant firstFinalPaneStart(List<OpenWindow> windows) {
      for (OpenWindow window : windows) {
        if (awaitsOnlyItsFinalPane(window)) {
          return window.start();
        }
      }
      return null;
    }

    /**
     * What the early-pane timer is set for: the earliest early pane due, and the start of the
     * earliest window with one due, whose last instant is the earliest timestamp it will give.
     */
    private record EarlyTimer(Instant at, Instant firstStart) {
      static @Nullable EarlyTimer of(List<OpenWindow> windows) {
        Instant at = null;
        Instant firstStart = null;
        for (OpenWindow window : windows) {
          if (window.earlyPaneAt() != null) {
            at = at == null || window.earlyPaneAt().isBefore(at) ? window.earlyPaneAt() : at;
            firstStart = firstStart == null ? window.start() : firstStart;
          }
        }
        return at == null ? null : new EarlyTimer(at, firstStart);
      }
    }

    private static List<OpenWindow> listOf(ValueState<List<OpenWindow>> state) {
      List<OpenWindow> windows = state.read();
      return windows == null ? List.of() : windows;
    }

    private static void write(ValueState<List<OpenWindow>> state, List<OpenWindow> windows) {
      if (windows.isEmpty()) {
        state.clear();
      } else {
        state.write(windows);
      }
    }
  }
}
