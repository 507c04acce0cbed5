package dev.tributary.transforms.banking;

import java.math.BigDecimal;
import org.joda.time.Instant;

/** Small hand-made banking records for tests. */
final class BankingEvents {
  static final AccountProfile HOME_DE = new AccountProfile("a1", "DE", "LOW", "2020-01-01");

  private BankingEvents() {}

  static Transaction tx(String id, String account, String amount, String country, String time) {
    return new Transaction(
        id,
        account,
        new BigDecimal(amount),
        "EUR",
        "shop",
        "grocery",
        country,
        "POS",
        Instant.parse(time));
  }

  static EnrichedTransaction enriched(Transaction tx, AccountProfile account) {
    return new EnrichedTransaction(tx, account);
  }
}
