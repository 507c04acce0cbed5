package dev.tributary.transforms.banking;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * What {@link VelocityRule} keeps of a transaction in its account's state: enough to count it in a
 * window and to list it in an alert.
 */
public final class VelocityMember {
  /** Event time, then transaction id: the order in which an alert lists transactions. */
  public static final Comparator<VelocityMember> IN_TIME_ORDER =
      Comparator.comparing((VelocityMember m) -> m.eventTime).thenComparing(m -> m.transactionId);

  public final String transactionId;
  public final Instant eventTime;
  public final BigDecimal amount;

  public VelocityMember(String transactionId, Instant eventTime, BigDecimal amount) {
    this.transactionId = transactionId;
    this.eventTime = eventTime;
    this.amount = amount;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VelocityMember m
        && transactionId.equals(m.transactionId)
        && eventTime.equals(m.eventTime)
        && amount.equals(m.amount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionId, eventTime);
  }

  @Override
  public String toString() {
    return transactionId + "@" + eventTime + " " + amount;
  }
}
