package dev.tributary.transforms;

import java.util.List;
import javax.annotation.Nullable;
import org.joda.time.Instant;

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
