package dev.tributary.transforms;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * A record that a step could not handle: the raw payload, why it was refused, where it came from
 * and which step refused it. Every step that can refuse input emits these instead of failing or
 * dropping, so that records in = records out + dead letters.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class DeadLetter {
  /** Where the record came from, e.g. {@code /data/tx.jsonl:17}. */
  public final String source;

  /** The step that refused it, e.g. {@code parse-transactions}. */
  public final String step;

  /** Why, in words a person can act on. */
  public final String reason;

  /** The record exactly as it arrived. */
  public final String payload;

  @SchemaCreate
  public DeadLetter(String source, String step, String reason, String payload) {
    this.source = source;
    this.step = step;
    this.reason = reason;
    this.payload = payload;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter d
        && source.equals(d.source)
        && step.equals(d.step)
        && reason.equals(d.reason)
        && payload.equals(d.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, step, reason, payload);
  }

  @Override
  public String toString() {
    return step + " refused " + source + " (" + reason + "): " + payload;
  }
}
