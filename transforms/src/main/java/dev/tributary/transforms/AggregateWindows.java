package dev.tributary.transforms;

import java.io.Serializable;
import javax.annotation.Nullable;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.CalendarWindows;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.NonMergingWindowFn;
import org.apache.beam.sdk.transforms.windowing.PartitioningWindowFn;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The event-time windows of an {@link Aggregate}: fixed windows of one size aligned to the epoch
 * (so hours and days are UTC hours and days), UTC calendar months, or one window over all time,
 * whose result is a running total: early panes in streaming, one final result in batch and when a
 * stream ends.
 */
public final class AggregateWindows implements Serializable {
  /** Null for all time. */
  private final @Nullable PartitioningWindowFn<Object, IntervalWindow> partitioning;

  private final String name;

  private AggregateWindows(
      @Nullable PartitioningWindowFn<Object, IntervalWindow> partitioning, String name) {
    this.partitioning = partitioning;
    this.name = name;
  }

  /** Fixed windows of {@code size}, aligned to the epoch. */
  public static AggregateWindows fixed(Duration size) {
    if (!size.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("a window size must be positive, got " + size);
    }
    return new AggregateWindows(FixedWindows.of(size), size.toString());
  }

  /** UTC calendar months: each from 00:00 on the 1st to 00:00 on the 1st of the next. */
  public static AggregateWindows calendarMonths() {
    return new AggregateWindows(CalendarWindows.months(1), "calendar months");
  }

  /** One window over all time. */
  public static AggregateWindows allTime() {
    return new AggregateWindows(null, "all time");
  }

  public boolean isAllTime() {
    return partitioning == null;
  }

  /** The size of a fixed window, "calendar months" or "all time", for names and logs. */
  @Override
  public String toString() {
    return name;
  }

  /** Beam's windows of the same shape. */
  NonMergingWindowFn<Object, ?> windowFn() {
    return partitioning == null ? new GlobalWindows() : partitioning;
  }

  /** The start of the window holding {@code timestamp}. */
  public Instant startOf(Instant timestamp) {
    return partitioning == null
        ? BoundedWindow.TIMESTAMP_MIN_VALUE
        : partitioning.assignWindow(timestamp).start();
  }

  /** The end (exclusive) of the window that starts at {@code start}. */
  public Instant endOf(Instant start) {
    return partitioning == null
        ? GlobalWindow.INSTANCE.maxTimestamp().plus(Duration.millis(1))
        : partitioning.assignWindow(start).end();
  }

  /** The window's last instant: its on-time pane is due when the watermark passes it. */
  Instant lastInstant(Instant start) {
    return endOf(start).minus(Duration.millis(1));
  }
}
