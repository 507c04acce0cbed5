package dev.tributary.transforms.banking;

import dev.tributary.detect.Alert;
import dev.tributary.detect.RecordCheck;
import java.math.BigDecimal;
import javax.annotation.Nullable;

/**
 * foreign_country: a transaction in a country other than its account's home country, with an amount
 * strictly greater than the threshold (1000.00). Transactions of accounts missing from the
 * reference data cannot be judged and trigger nothing.
 */
public final class ForeignCountryRule implements RecordCheck<EnrichedTransaction> {
  public static final String NAME = "foreign_country";
  private final BigDecimal threshold;

  public ForeignCountryRule(BigDecimal threshold) {
    this.threshold = threshold;
  }

  @Override
  public String ruleName() {
    return NAME;
  }

  @Override
  public @Nullable Alert check(EnrichedTransaction enriched) {
    Transaction tx = enriched.transaction;
    if (enriched.account == null
        || tx.country.equals(enriched.account.homeCountry)
        || tx.amount.compareTo(threshold) <= 0) {
      return null;
    }
    return Alert.ofRecord(NAME, "MEDIUM", "account", tx.accountId, tx.id, tx.amount, tx.eventTime);
  }
}
