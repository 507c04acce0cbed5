package dev.tributary.transforms.banking;

import dev.tributary.detect.WindowedCountRule;
import org.joda.time.Duration;

/**
 * velocity: a transaction that is at least the N-th (5th) transaction of its account whose event
 * time lies in the W (5 minutes) ending at it, i.e. in (t - W, t]; transactions with equal
 * timestamps all count. The alert lists those transactions and its measure is their total amount. A
 * {@link WindowedCountRule} over accounts, judged the allowed lateness after each transaction.
 */
public final class VelocityRule {
  public static final String NAME = "velocity";

  private VelocityRule() {}

  public static WindowedCountRule<EnrichedTransaction> of(
      int minCount, Duration window, Duration allowedLateness) {
    return WindowedCountRule.<EnrichedTransaction>of(
            NAME,
            "account",
            e -> e.transaction.accountId,
            e -> e.transaction.id,
            e -> e.transaction.eventTime)
        .atLeast(minCount)
        .within(window)
        .withAllowedLateness(allowedLateness)
        .summing(e -> e.transaction.amount)
        .withSeverity("MEDIUM", 1);
  }
}
