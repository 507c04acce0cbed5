package dev.tributary.transforms;

import dev.tributary.transforms.banking.AccountProfile;
import dev.tributary.transforms.banking.EnrichedTransaction;
import dev.tributary.transforms.banking.Transaction;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/** Enrich: matched records get their reference; unmatched ones are kept with none. */
public class EnrichTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void joinsByKeyAndKeepsRecordsWithoutAMatch() {
    AccountProfile a1 = new AccountProfile("a1", "DE", "LOW", "2020-01-01");
    AccountProfile a2 = new AccountProfile("a2", "FR", "HIGH", "2024-05-06");
    Transaction t1 = tx("t1", "a1");
    Transaction t2 = tx("t2", "a2");
    Transaction t3 = tx("t3", "nobody");

    PCollectionView<Map<String, AccountProfile>> accounts =
        pipeline
            .apply("Accounts", Create.of(a1, a2))
            .apply(
                WithKeys.of((AccountProfile a) -> a.accountId)
                    .withKeyType(TypeDescriptors.strings()))
            .apply(View.asMap());
    PCollection<EnrichedTransaction> enriched =
        pipeline
            .apply("Transactions", Create.of(t1, t2, t3))
            .apply(
                Enrich.with(
                    "accounts",
                    accounts,
                    (Transaction tx) -> tx.accountId,
                    EnrichedTransaction::new,
                    TypeDescriptor.of(EnrichedTransaction.class)));

    PAssert.that(enriched)
        .containsInAnyOrder(
            new EnrichedTransaction(t1, a1),
            new EnrichedTransaction(t2, a2),
            new EnrichedTransaction(t3, null));
    pipeline.run();
  }

  private static Transaction tx(String id, String account) {
    return new Transaction(
        id,
        account,
        new BigDecimal("1.00"),
        "EUR",
        "m",
        "grocery",
        "DE",
        "POS",
        Instant.parse("2026-03-02T10:00:00Z"));
  }
}
