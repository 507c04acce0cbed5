package dev.tributary.transforms.banking;

import dev.tributary.detect.Alert;
import dev.tributary.detect.RecordCheck;
import java.math.BigDecimal;
import javax.annotation.Nullable;

/** large_amount: a transaction whose amount is strictly greater than the threshold (5000.00). */
public final class LargeAmountRule implements RecordCheck<EnrichedTransaction> {
  public static final String NAME = "large_amount";
  private final BigDecimal threshold;

  public LargeAmountRule(BigDecimal threshold) {
    this.threshold = threshold;
  }

  @Override
  public String ruleName() {
    return NAME;
  }

  @Override
  public @Nullable Alert check(EnrichedTransaction enriched) {
    Transaction tx = enriched.transaction;
    if (tx.amount.compareTo(threshold) <= 0) {
      return null;
    }
    return Alert.ofRecord(NAME, "HIGH", "account", tx.accountId, tx.id, tx.amount, tx.eventTime);
  }
}
