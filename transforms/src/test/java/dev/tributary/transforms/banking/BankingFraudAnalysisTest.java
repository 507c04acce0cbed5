package dev.tributary.transforms.banking;

import dev.tributary.testdata.banking.BankingGenerator;
import dev.tributary.transforms.RawRecord;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.UsesTestStream;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/**
 * Batch equals streaming: the same generated events go through the same transform once bounded
 * and once as an out-of-order, partly late stream, and both must give exactly what the plain-Java
 * model gives: alerts, final aggregates, top accounts and dead letters.
 */
public class BankingFraudAnalysisTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final BankingGenerator.Output DATA = generate();
  private static final List<RawRecord> TRANSACTIONS = RawRecord.ofLines("tx.jsonl", DATA.transactionLines());
  private static final List<RawRecord> ACCOUNTS = RawRecord.ofLines("accounts.jsonl", DATA.accountLines());
  private static final BankingModel.Result EXPECTED =
      new BankingModel(FraudThresholds.DEFAULTS, 3).run(TRANSACTIONS, ACCOUNTS);

  /** Small enough for a TestStream on every runner, dense enough in fraud to exercise every rule. */
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

  @Test
  public void batchMatchesTheModel() {
    runAndCompare(EventFeed.Mode.BATCH);
  }

  @Test
  @Category(UsesTestStream.class)
  public void streamingMatchesTheModel() {
    runAndCompare(EventFeed.Mode.STREAMING);
  }

  private void runAndCompare(EventFeed.Mode mode) {
    Duration lateness = FraudThresholds.DEFAULTS.allowedLateness;
    PCollection<RawRecord> transactions = EventFeed.feed(pipeline, "Transactions", TRANSACTIONS, mode, lateness);
    PCollection<RawRecord> accounts = EventFeed.feed(pipeline, "Accounts", ACCOUNTS, EventFeed.Mode.BATCH, lateness);

    BankingOutputs outputs =
        transactions.apply(
            BankingFraudAnalysis.withAccounts(accounts, FraudThresholds.DEFAULTS, 3, Duration.standardMinutes(1)));

    PAssert.that(outputs.alerts()).containsInAnyOrder(EXPECTED.alerts());
    PAssert.that(outputs.deadLetters()).containsInAnyOrder(EXPECTED.deadLetters());
    PAssert.that(finalOnly("hourly", outputs.accountHourly())).containsInAnyOrder(EXPECTED.accountHourly());
    PAssert.that(finalOnly("daily", outputs.categoryDaily())).containsInAnyOrder(EXPECTED.categoryDaily());
    PAssert.that(finalOnly("top", outputs.topAccountsDaily()))
        .containsInAnyOrder(EXPECTED.topAccountsDaily());
    pipeline.run();
  }

  private static PCollection<Row> finalOnly(String name, PCollection<Row> results) {
    return results.apply("Final " + name, Filter.by((Row r) -> r.getBoolean("isFinal")));
  }
}
