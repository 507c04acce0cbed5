package dev.tributary.transforms.banking;

import dev.tributary.testdata.banking.BankingGenerator;
import dev.tributary.testing.DomainCase;
import dev.tributary.testing.EventFeed;
import dev.tributary.transforms.RawRecord;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Banking in the shared harness: generated transactions (dense in fraud, with unknown accounts and
 * malformed lines) through {@link BankingFraudAnalysis}, against {@link BankingModel}.
 */
public final class BankingCase implements DomainCase {
  private static final BankingGenerator.Output DATA = generate();
  private static final List<RawRecord> TRANSACTIONS =
      RawRecord.ofLines("tx.jsonl", DATA.transactionLines());
  private static final List<RawRecord> ACCOUNTS =
      RawRecord.ofLines("accounts.jsonl", DATA.accountLines());
  private static final int TOP_K = 3;

  /**
   * Small enough for a TestStream on every runner, dense enough in fraud to exercise every rule.
   */
  private static BankingGenerator.Output generate() {
    BankingGenerator.Settings settings = new BankingGenerator.Settings();
    settings.seed = 7;
    settings.accounts = 30;
    settings.days = 1;
    settings.burstsPerAccountDay = 0.3;
    settings.largeAmountShare = 0.02;
    settings.foreignShare = 0.02;
    settings.unknownAccountShare = 0.1;
    settings.malformedShare = 0.03;
    return BankingGenerator.generate(settings);
  }

  @Override
  public String name() {
    return "banking";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public List<TimestampedValue<RawRecord>> events() {
    return DomainCase.timedBy(new TransactionParser(), TRANSACTIONS, new Instant(0));
  }

  @Override
  public Duration allowedLateness() {
    return FraudThresholds.DEFAULTS.allowedLateness;
  }

  @Override
  public Map<String, PCollection<?>> apply(Pipeline pipeline, PCollection<RawRecord> events) {
    PCollection<RawRecord> accounts = EventFeed.bounded(pipeline, "Accounts", ACCOUNTS);
    BankingOutputs outputs =
        events.apply(
            BankingFraudAnalysis.withAccounts(
                accounts, FraudThresholds.DEFAULTS, TOP_K, Duration.standardMinutes(1)));
    return Map.of(
        "alerts", outputs.alerts(),
        "deadLetters", outputs.deadLetters(),
        "accountHourly", outputs.accountHourly(),
        "categoryDaily", outputs.categoryDaily(),
        "topAccountsDaily", outputs.topAccountsDaily());
  }

  @Override
  public Map<String, List<?>> model() {
    BankingModel.Result expected =
        new BankingModel(FraudThresholds.DEFAULTS, TOP_K).run(TRANSACTIONS, ACCOUNTS);
    return Map.of(
        "alerts", expected.alerts(),
        "deadLetters", expected.deadLetters(),
        "accountHourly", expected.accountHourly(),
        "categoryDaily", expected.categoryDaily(),
        "topAccountsDaily", expected.topAccountsDaily());
  }
}
