package dev.tributary.transforms;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/** One place in a window's top-k: rank 1 has the largest value; ties go to the smaller key. */
@DefaultSchema(JavaFieldSchema.class)
public final class TopKEntry {
  public final Instant windowStart;
  /** Exclusive. */
  public final Instant windowEnd;
  public final int rank;
  public final String key;
  public final BigDecimal value;

  @SchemaCreate
  public TopKEntry(Instant windowStart, Instant windowEnd, int rank, String key, BigDecimal value) {
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.rank = rank;
    this.key = key;
    this.value = value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopKEntry e
        && windowStart.equals(e.windowStart)
        && windowEnd.equals(e.windowEnd)
        && rank == e.rank
        && key.equals(e.key)
        && value.equals(e.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(windowStart, rank, key);
  }

  @Override
  public String toString() {
    return "TopKEntry{[" + windowStart + ", " + windowEnd + ") #" + rank + " " + key + " = " + value + "}";
  }
}
