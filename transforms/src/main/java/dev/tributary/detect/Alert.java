package dev.tributary.detect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A fraud rule's finding about one triggering transaction. Its id is derived from the rule and the
 * triggering transaction, so re-running a pipeline over the same events yields the same ids and a
 * sink that upserts by id never holds duplicates.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Alert {
  /** {@code <rule>:<triggering transaction id>}. */
  public final String id;
  public final String rule;
  public final String accountId;
  /** The transactions that together triggered the rule, ordered by event time then id; the triggering one is last. */
  public final List<String> transactionIds;
  /** The total amount of those transactions. */
  public final BigDecimal amount;
  /** Start of the event-time span the rule looked at (exclusive for windowed rules). */
  public final Instant windowStart;
  /** End of that span (inclusive): the triggering transaction's event time. */
  public final Instant windowEnd;
  /** LOW, MEDIUM or HIGH. */
  public final String severity;
  /**
   * When, in event time, the rule was satisfied: the triggering transaction's event time. An
   * event time rather than a wall-clock time, so that every run and every runner agree.
   */
  public final Instant detectionTime;

  @SchemaCreate
  public Alert(
      String id,
      String rule,
      String accountId,
      List<String> transactionIds,
      BigDecimal amount,
      Instant windowStart,
      Instant windowEnd,
      String severity,
      Instant detectionTime) {
    this.id = id;
    this.rule = rule;
    this.accountId = accountId;
    this.transactionIds = List.copyOf(transactionIds);
    this.amount = amount;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.severity = severity;
    this.detectionTime = detectionTime;
  }

  /** The id every alert of {@code rule} triggered by {@code transactionId} has. */
  public static String idFor(String rule, String transactionId) {
    return rule + ":" + transactionId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Alert a
        && id.equals(a.id)
        && rule.equals(a.rule)
        && accountId.equals(a.accountId)
        && transactionIds.equals(a.transactionIds)
        && amount.equals(a.amount)
        && windowStart.equals(a.windowStart)
        && windowEnd.equals(a.windowEnd)
        && severity.equals(a.severity)
        && detectionTime.equals(a.detectionTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, transactionIds, amount);
  }

  @Override
  public String toString() {
    return "Alert{" + id + " " + severity + " account=" + accountId + " amount=" + amount + " tx=" + transactionIds
        + " window=(" + windowStart + ", " + windowEnd + "]}";
  }
}
