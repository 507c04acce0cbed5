package dev.tributary.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.ListCoder;
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
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Per key: its open windows in start order, and three timers, each set for the earliest pane of its
 * kind that is due: on-time panes and final panes (event time), early panes (processing time).
 *
 * <p>Every pane has its window's last instant as its timestamp, as Beam's windowing gives it, and
 * each timer holds the watermark at the earliest timestamp it will give, so that what follows never
 * sees a pane later than its window's allowed lateness.
 */
final class AggregatePanesFn extends DoFn<KV<String, KV<Instant, Tally>>, Row> {
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

  AggregatePanesFn(
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
                .plus(
                    AggregateInKeyedState.earlyPaneDelay(
                        earlyFiringsEvery, element.getKey(), start));
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
   * What a timer that fired does to one open window: gives its pane if one is due, and returns the
   * window as it stays open, or null once it is closed.
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
   * that the timer that has just fired ({@code fired}) is set for nothing. Each holds the watermark
   * at the earliest timestamp it will give; a hold is never before the element or timer being
   * processed, as Beam requires, because the panes' windows start in order.
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
