package dev.tributary.transforms.banking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.detect.Alert;
import dev.tributary.testdata.banking.BankingGenerator;
import dev.tributary.transforms.RawRecord;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java model against the generator's ground truth: it is the oracle, so it must be right.
 */
class BankingModelTest {

  @Test
  void findsExactlyTheInjectedFraudOnSeveralSeeds() {
    for (long seed = 1; seed <= 5; seed++) {
      BankingGenerator.Settings settings = new BankingGenerator.Settings();
      settings.seed = seed;
      BankingGenerator.Output data = BankingGenerator.generate(settings);
      BankingModel.Result result =
          new BankingModel(FraudThresholds.DEFAULTS, 10)
              .run(
                  RawRecord.ofLines("tx", data.transactionLines()),
                  RawRecord.ofLines("accounts", data.accountLines()));

      Set<BankingGenerator.Label> found = new HashSet<>();
      for (Alert alert : result.alerts()) {
        found.add(new BankingGenerator.Label(alert.triggeringRecordId(), alert.rule));
      }
      assertEquals(result.alerts().size(), found.size(), "one alert per rule per transaction");
      assertEquals(new HashSet<>(data.groundTruth()), found, "seed " + seed);
      assertEquals(
          result.transactionsRead(),
          result.transactions().size() + result.deadLetters().size(),
          "records read = records parsed + dead letters");
    }
  }
}
