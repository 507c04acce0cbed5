package dev.tributary.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BankingGeneratorTest {
  private static final Path SAMPLE = Path.of("banking", "sample");

  @Test
  void theCommittedSampleIsWhatTheDefaultSettingsGenerate() throws IOException {
    BankingGenerator.Output output = BankingGenerator.generate(new BankingGenerator.Settings());
    assertEquals(Files.readAllLines(SAMPLE.resolve(BankingGenerator.TRANSACTIONS_FILE)), output.transactionLines());
    assertEquals(Files.readAllLines(SAMPLE.resolve(BankingGenerator.ACCOUNTS_FILE)), output.accountLines());
    assertEquals(BankingGenerator.readGroundTruth(SAMPLE.resolve(BankingGenerator.GROUND_TRUTH_FILE)), output.groundTruth());
  }

  @Test
  void theSeedDecides() {
    BankingGenerator.Settings other = new BankingGenerator.Settings();
    other.seed = 43;
    assertEquals(
        BankingGenerator.generate(new BankingGenerator.Settings()),
        BankingGenerator.generate(new BankingGenerator.Settings()));
    assertNotEquals(
        BankingGenerator.generate(new BankingGenerator.Settings()).transactionLines(),
        BankingGenerator.generate(other).transactionLines());
  }

  @Test
  void everyRuleIsInjectedAndAboutOnePercentOfLinesAreMalformed() {
    BankingGenerator.Output output = BankingGenerator.generate(new BankingGenerator.Settings());
    Set<String> rules = output.groundTruth().stream().map(BankingGenerator.Label::rule).collect(Collectors.toSet());
    assertEquals(Set.of("large_amount", "velocity", "foreign_country"), rules);
    long malformed = output.transactionLines().stream().filter(l -> l.isEmpty() || l.contains("\"bad-")).count();
    assertEquals(Math.round(output.transactionLines().size() * 0.01), malformed, 1.0);
    assertTrue(output.accountLines().size() < 200, "some accounts are missing from the reference data");
  }
}
