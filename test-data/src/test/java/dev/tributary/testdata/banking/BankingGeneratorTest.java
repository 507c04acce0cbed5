package dev.tributary.testdata.banking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BankingGeneratorTest {
  private static final Path SAMPLE = Path.of("banking", "sample");
  private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\":\"([^\"]*)\"");

  @Test
  void theCommittedSampleIsWhatTheDefaultSettingsGenerate() throws IOException {
    BankingGenerator.Output output = BankingGenerator.generate(new BankingGenerator.Settings());
    assertEquals(
        Files.readAllLines(SAMPLE.resolve(BankingGenerator.TRANSACTIONS_FILE)),
        output.transactionLines());
    assertEquals(
        Files.readAllLines(SAMPLE.resolve(BankingGenerator.ACCOUNTS_FILE)), output.accountLines());
    assertEquals(
        BankingGenerator.readGroundTruth(SAMPLE.resolve(BankingGenerator.GROUND_TRUTH_FILE)),
        output.groundTruth());
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
    Set<String> rules =
        output.groundTruth().stream().map(BankingGenerator.Label::rule).collect(Collectors.toSet());
    assertEquals(Set.of("large_amount", "velocity", "foreign_country"), rules);
    long malformed =
        output.transactionLines().stream().filter(l -> l.isEmpty() || l.contains("\"bad-")).count();
    assertEquals(Math.round(output.transactionLines().size() * 0.01), malformed, 1.0);
    assertTrue(
        output.accountLines().size() < 200, "some accounts are missing from the reference data");
  }

  /**
   * A Kafka replay stamps each message with its line's time: one far ahead of its neighbours would
   * move the watermark past them.
   */
  @Test
  void everyLineThatHasATimeIsInEventTimeOrderBrokenOnesIncluded() {
    BankingGenerator.Output output = BankingGenerator.generate(new BankingGenerator.Settings());
    Instant previous = Instant.MIN;
    int timed = 0;
    for (String line : output.transactionLines()) {
      Matcher time = EVENT_TIME.matcher(line);
      if (!time.find()) {
        continue;
      }
      Instant at;
      try {
        at = Instant.parse(time.group(1));
      } catch (DateTimeParseException broken) {
        continue;
      }
      assertTrue(!at.isBefore(previous), "out of event-time order: " + line);
      previous = at;
      timed++;
    }
    assertTrue(timed > output.transactionLines().size() * 0.99, "most lines have a time");
  }
}
