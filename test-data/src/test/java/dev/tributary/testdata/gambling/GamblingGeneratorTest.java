package dev.tributary.testdata.gambling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The gambling generator: the seed's defaults, deterministic from its seed, the committed sample
 * what its settings write, and every injected risk case labelled with records that exist.
 */
class GamblingGeneratorTest {
  private static final Path SAMPLE = Path.of("gambling", "sample");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The settings of the committed sample, as docs/gambling.md's command writes it. */
  static GamblingGenerator.Settings sampleSettings() {
    GamblingGenerator.Settings s = new GamblingGenerator.Settings();
    s.players = 50;
    s.games = 20;
    s.sessions = 250;
    s.bets = 1_250;
    s.malformedShare = 0.01;
    s.casesPerRule = 2;
    return s;
  }

  @Test
  void theDefaultsAreTheSeeds() {
    GamblingGenerator.Output output = GamblingGenerator.generate(new GamblingGenerator.Settings());
    Map<String, Integer> sizes = new TreeMap<>();
    output.files().forEach((file, lines) -> sizes.put(file, lines.size()));
    assertEquals(200, sizes.get("players/players.json"));
    assertEquals(100, sizes.get("games/games.json"));
    // 1,000 sessions and 5,000 bets, and those of the injected cases.
    assertEquals(1_000 + 3 * 3 + 3, sizes.get("sessions/sessions.json"));
    assertEquals(5_000 + 3 + 3 * RiskInjector.ANOMALY_BETS, sizes.get("bets/bets.json"));
    int transactions = sizes.get("transactions/transactions.json");
    assertTrue(transactions > 600 && transactions < 700, "about 645 transactions: " + transactions);
    assertEquals(1_700, sizes.get("events/events.json"), "about 1,700 events");
    assertEquals(12, output.risks().size());
  }

  @Test
  void theCommittedSampleIsWhatItsSettingsGenerate() throws IOException {
    GamblingGenerator.Output output = GamblingGenerator.generate(sampleSettings());
    for (var file : output.files().entrySet()) {
      assertEquals(
          Files.readAllLines(SAMPLE.resolve(file.getKey())), file.getValue(), file.getKey());
    }
    assertEquals(
        output.malformed().size() + output.risks().size(),
        Files.readAllLines(SAMPLE.resolve(GamblingGenerator.GROUND_TRUTH_FILE)).size());
  }

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
    GamblingGenerator.Settings s = sampleSettings();
    GamblingGenerator.Output first = GamblingGenerator.generate(s);
    assertEquals(first, GamblingGenerator.generate(s));
    s.seed = 43;
    assertNotEquals(first.files(), GamblingGenerator.generate(s).files());
  }

  @Test
  void everyRiskCaseNamesRecordsThatAreWrittenWhole() {
    GamblingGenerator.Output output = GamblingGenerator.generate(new GamblingGenerator.Settings());
    Set<String> ids = new HashSet<>();
    for (List<String> lines : output.files().values()) {
      for (String line : lines) {
        try {
          JsonNode record = JSON.readTree(line);
          for (String field : List.of("bet_id", "transaction_id")) {
            if (record.has(field)) {
              ids.add(record.get(field).asText());
            }
          }
          if (record.has("start_time") && record.has("session_id")) {
            ids.add(record.get("session_id").asText());
          }
        } catch (IOException malformed) {
          // a labelled malformed line
        }
      }
    }
    Map<String, Integer> perRule = new TreeMap<>();
    for (GamblingGenerator.Risk risk : output.risks()) {
      perRule.merge(risk.rule(), 1, Integer::sum);
      for (String record : risk.recordIds()) {
        assertTrue(ids.contains(record), risk + ": " + record + " is not written whole");
      }
    }
    assertEquals(
        Map.of("multi_account", 3, "rapid_cashout", 3, "session_anomaly", 3, "unusual_bet", 3),
        perRule);
  }
}
