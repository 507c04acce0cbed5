package dev.tributary.transforms.banking;

import dev.tributary.detect.Alert;
import dev.tributary.detect.Detect;
import dev.tributary.detect.DetectionRule;
import dev.tributary.detect.RecordRule;
import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.AggregateWindows;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.DecimalCoder;
import dev.tributary.transforms.Enrich;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import dev.tributary.transforms.Parse;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.ReferenceMap;
import dev.tributary.transforms.TopK;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The banking computation, written once for batch and streaming: raw transaction records in (from
 * files or Kafka), and out come alerts, hourly and daily aggregates, the daily top accounts and the
 * dead letters.
 *
 * <pre>
 *   raw transactions -> Parse -> Enrich(accounts) -> Detect(large_amount, velocity, foreign_country) -> alerts
 *                            \-> Aggregate(account, hour)                                                -> accountHourly
 *                            \-> Aggregate(category, day)                                                -> categoryDaily
 *                            \-> Aggregate(account, day, final panes only) -> TopK                       -> topAccountsDaily
 *   raw accounts -> Parse -> map side input of Enrich; malformed records of both -> deadLetters
 * </pre>
 */
public class BankingFraudAnalysis extends PTransform<PCollection<RawRecord>, BankingOutputs> {
  private final PCollection<RawRecord> accountRecords;
  private final FraudThresholds thresholds;
  private final int topK;
  private final Duration earlyFiringsEvery;

  private BankingFraudAnalysis(
      PCollection<RawRecord> accountRecords,
      FraudThresholds thresholds,
      int topK,
      Duration earlyFiringsEvery) {
    this.accountRecords = accountRecords;
    this.thresholds = thresholds;
    this.topK = topK;
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  /** Analyses transactions against the accounts in {@code accountRecords} (JSON lines). */
  public static BankingFraudAnalysis withAccounts(
      PCollection<RawRecord> accountRecords,
      FraudThresholds thresholds,
      int topK,
      Duration earlyFiringsEvery) {
    return new BankingFraudAnalysis(accountRecords, thresholds, topK, earlyFiringsEvery);
  }

  /** The three banking rules with the given thresholds. */
  public static List<DetectionRule<EnrichedTransaction>> rules(FraudThresholds thresholds) {
    return List.of(
        RecordRule.of(new LargeAmountRule(thresholds.largeAmount)),
        VelocityRule.of(
            thresholds.velocityCount, thresholds.velocityWindow, thresholds.allowedLateness),
        RecordRule.of(new ForeignCountryRule(thresholds.foreignAmount)));
  }

  @Override
  public BankingOutputs expand(PCollection<RawRecord> transactionRecords) {
    WithFailures.Result<PCollection<AccountProfile>, DeadLetter> accounts =
        accountRecords.apply(
            "Parse accounts",
            Parse.of("accounts", new AccountProfileParser())
                .withCoder(AccountProfileCoder.of())
                .withUniqueIds(a -> a.accountId));
    PCollectionView<Map<String, AccountProfile>> accountsById =
        accounts
            .output()
            .apply(
                "Key accounts by id",
                WithKeys.of((AccountProfile a) -> a.accountId)
                    .withKeyType(TypeDescriptors.strings()))
            .apply("Accounts as map", ReferenceMap.of());

    // Hand-written coders for the records every step shuffles: see TransactionCoder.
    WithFailures.Result<PCollection<Transaction>, DeadLetter> transactions =
        transactionRecords.apply(
            "Parse transactions",
            Parse.of("transactions", new TransactionParser())
                .withCoder(TransactionCoder.of())
                .withUniqueIds(tx -> tx.id));

    PCollection<EnrichedTransaction> enriched =
        transactions
            .output()
            .apply(
                "Enrich with accounts",
                Enrich.with(
                    "accounts",
                    accountsById,
                    (Transaction tx) -> tx.accountId,
                    EnrichedTransaction::new,
                    TypeDescriptor.of(EnrichedTransaction.class)))
            .setCoder(EnrichedTransactionCoder.of());

    PCollection<Alert> alerts = enriched.apply("Detect fraud", Detect.withRules(rules(thresholds)));

    PCollection<Row> accountHourly =
        transactions
            .output()
            .apply(
                "Aggregate per account per hour",
                aggregate(tx -> tx.accountId, BankingModel.HOUR).withoutCombiningBeforeShuffle());
    PCollection<Row> categoryDaily =
        transactions
            .output()
            .apply(
                "Aggregate per category per day",
                aggregate(tx -> tx.merchantCategory, BankingModel.DAY));
    PCollection<Row> topAccounts =
        transactions
            .output()
            .apply(
                "Total per account per day",
                aggregate(tx -> tx.accountId, BankingModel.DAY)
                    .finalPanesOnly()
                    .withoutCombiningBeforeShuffle())
            .apply(
                "Account and total",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(BigDecimal.class)))
                    .via((Row r) -> KV.of(r.getString("key"), r.getDecimal("sum"))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), DecimalCoder.of()))
            .apply("Top " + topK + " accounts per day", TopK.of(topK));

    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(transactions.failures())
            .and(accounts.failures())
            .apply("All dead letters", Flatten.pCollections());

    return new BankingOutputs(
        transactions.output(), alerts, accountHourly, categoryDaily, topAccounts, deadLetters);
  }

  /**
   * The statistics of the amounts per key and window. Per account, records are not merged within a
   * bundle before the shuffle: a bundle rarely holds two of one account's transactions.
   */
  private Aggregate<Transaction> aggregate(
      SerializableFunction<Transaction, String> keyOf, Duration size) {
    return amountStatistics(keyOf, size)
        .withAllowedLateness(thresholds.allowedLateness)
        .withEarlyFiringsEvery(earlyFiringsEvery);
  }

  /**
   * Count, sum, mean (two places, half-even) and max of the amounts: every banking aggregate's
   * measures.
   */
  public static final Measures<Transaction> AMOUNT_STATISTICS =
      Measures.<Transaction>of()
          .count("count")
          .sum("sum", tx -> tx.amount)
          .ratio("mean", "sum", "count", 2)
          .max("max", tx -> tx.amount);

  /** The amount statistics per key (the field {@code key}) over fixed windows of {@code size}. */
  public static Aggregate<Transaction> amountStatistics(
      SerializableFunction<Transaction, String> keyOf, Duration size) {
    return Aggregate.of(
        KeyFields.of("key", keyOf), AMOUNT_STATISTICS, AggregateWindows.fixed(size));
  }
}
