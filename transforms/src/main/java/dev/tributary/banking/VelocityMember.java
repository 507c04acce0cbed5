package dev.tributary.banking;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * What {@link VelocityRule} keeps of a transaction in a time bucket: enough to count and to
 * describe it. A <em>subject</em> is judged in this bucket; a non-subject is only context carried
 * over from the previous bucket.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class VelocityMember {
  /** Event time, then transaction id: the order in which an alert lists transactions. */
  public static final Comparator<VelocityMember> IN_TIME_ORDER =
      Comparator.comparing((VelocityMember m) -> m.eventTime).thenComparing(m -> m.transactionId);

  public final String transactionId;
  public final Instant eventTime;
  public final BigDecimal amount;
  public final boolean subject;

  @SchemaCreate
  public VelocityMember(String transactionId, Instant eventTime, BigDecimal amount, boolean subject) {
    this.transactionId = transactionId;
    this.eventTime = eventTime;
    this.amount = amount;
    this.subject = subject;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VelocityMember m
        && transactionId.equals(m.transactionId)
        && eventTime.equals(m.eventTime)
        && amount.equals(m.amount)
        && subject == m.subject;
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionId, subject);
  }
}
