package dev.tributary.transforms;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * One place in a window's top-k: rank 1 has the largest value; ties go to the smaller key. In
 * streaming a window's ranking is revised as its values arrive; exactly one pane is final.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class TopKEntry {
  public final Instant windowStart;
  /** Exclusive. */
  public final Instant windowEnd;
  public final int rank;
  public final String key;
  public final BigDecimal value;
  /** True for the ranking that no later pane will revise. */
  public final boolean isFinal;

  @SchemaCreate
  public TopKEntry(Instant windowStart, Instant windowEnd, int rank, String key, BigDecimal value, boolean isFinal) {
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.rank = rank;
    this.key = key;
    this.value = value;
    this.isFinal = isFinal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopKEntry e
        && windowStart.equals(e.windowStart)
        && windowEnd.equals(e.windowEnd)
        && rank == e.rank
        && key.equals(e.key)
        && value.equals(e.value)
        && isFinal == e.isFinal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(windowStart, rank, key);
  }

  @Override
  public String toString() {
    return "TopKEntry{[" + windowStart + ", " + windowEnd + ") #" + rank + " " + key + " = " + value + (isFinal ? " final" : " early") + "}";
  }
}
