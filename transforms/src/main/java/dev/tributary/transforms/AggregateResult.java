package dev.tributary.transforms;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * The statistics of one key in one window, as of one pane. In batch there is one pane per window
 * and it is final; in streaming, early panes come first and exactly one pane is final.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class AggregateResult {
  public final String key;
  public final Instant windowStart;
  /** Exclusive. */
  public final Instant windowEnd;
  public final long count;
  public final BigDecimal sum;
  /** sum / count, to two decimal places, rounded half-even. */
  public final BigDecimal mean;
  public final BigDecimal max;
  /** True for the one pane per window that no later pane will replace. */
  public final boolean isFinal;

  @SchemaCreate
  public AggregateResult(
      String key, Instant windowStart, Instant windowEnd, long count, BigDecimal sum, BigDecimal mean,
      BigDecimal max, boolean isFinal) {
    this.key = key;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.count = count;
    this.sum = sum;
    this.mean = mean;
    this.max = max;
    this.isFinal = isFinal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AggregateResult a
        && key.equals(a.key)
        && windowStart.equals(a.windowStart)
        && windowEnd.equals(a.windowEnd)
        && count == a.count
        && sum.equals(a.sum)
        && mean.equals(a.mean)
        && max.equals(a.max)
        && isFinal == a.isFinal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, windowStart, count, sum);
  }

  @Override
  public String toString() {
    return "AggregateResult{" + key + " [" + windowStart + ", " + windowEnd + ") count=" + count + " sum=" + sum
        + " mean=" + mean + " max=" + max + (isFinal ? " final" : " early") + "}";
  }
}
