package dev.tributary.transforms;

import java.io.Serializable;
import javax.annotation.Nullable;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.NonMergingWindowFn;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The event-time windows of an {@link Aggregate}: fixed windows of one size aligned to the epoch
 * (so hours and days are UTC hours and days), or one window over all time, whose result is a
 * running total: early panes in streaming, one final result in batch and when a stream ends.
 */
public final class AggregateWindows implements Serializable {
  /** Null for all time. */
  private final @Nullable FixedWindows fixed;

  private AggregateWindows(@Nullable FixedWindows fixed) {
    this.fixed = fixed;
  }

  /** Fixed windows of {@code size}, aligned to the epoch. */
  public static AggregateWindows fixed(Duration size) {
    if (!size.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("a window size must be positive, got " + size);
    }
    return new AggregateWindows(FixedWindows.of(size));
  }

  /** One window over all time. */
  public static AggregateWindows allTime() {
    return new AggregateWindows(null);
  }

  public boolean isAllTime() {
    return fixed == null;
  }

  /** The size of a fixed window, for names and logs; "all time" otherwise. */
  @Override
  public String toString() {
    return fixed == null ? "all time" : fixed.getSize().toString();
  }

  /** Beam's windows of the same shape. */
  NonMergingWindowFn<Object, ?> windowFn() {
    return fixed == null ? new GlobalWindows() : fixed;
  }

  /** The start of the window holding {@code timestamp}. */
  Instant startOf(Instant timestamp) {
    return fixed == null
        ? BoundedWindow.TIMESTAMP_MIN_VALUE
        : fixed.assignWindow(timestamp).start();
  }

  /** The end (exclusive) of the window that starts at {@code start}. */
  Instant endOf(Instant start) {
    return fixed == null
        ? GlobalWindow.INSTANCE.maxTimestamp().plus(Duration.millis(1))
        : start.plus(fixed.getSize());
  }

  /** The window's last instant: its on-time pane is due when the watermark passes it. */
  Instant lastInstant(Instant start) {
    return fixed == null
        ? GlobalWindow.INSTANCE.maxTimestamp()
        : start.plus(fixed.getSize()).minus(Duration.millis(1));
  }
}
