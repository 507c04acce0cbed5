package dev.tributary.testdata.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GameEventGeneratorTest {
  private static final Path SAMPLE = Path.of("game", "sample");

  /** The settings of the committed sample, as docs/game.md's command writes it. */
  static GameEventGenerator.Settings sampleSettings() {
    GameEventGenerator.Settings s = new GameEventGenerator.Settings();
    s.events = 2_000;
    s.hours = 6;
    s.players = 12;
    s.malformedShare = 0.01;
    return s;
  }

  @Test
  void theCommittedSampleIsWhatItsSettingsGenerate() throws IOException {
    GameEventGenerator.Output output = GameEventGenerator.generate(sampleSettings());
    assertEquals(
        Files.readAllLines(SAMPLE.resolve(GameEventGenerator.EVENTS_FILE)), output.lines());
    assertEquals(
        GameEventGenerator.readGroundTruth(SAMPLE.resolve(GameEventGenerator.GROUND_TRUTH_FILE)),
        output.groundTruth());
  }

  @Test
  void theSameSeedGivesTheSameLinesAndAnotherSeedOthers() {
    GameEventGenerator.Settings s = sampleSettings();
    GameEventGenerator.Output first = GameEventGenerator.generate(s);
    assertEquals(first, GameEventGenerator.generate(s));
    s.seed = 43;
    assertNotEquals(first.lines(), GameEventGenerator.generate(s).lines());
  }

  @Test
  void everyPlayerIsAHostAndTheFirstPlaysMost() {
    GameEventGenerator.Output output = GameEventGenerator.generate(sampleSettings());
    Set<String> hosts = new HashSet<>();
    long first = 0;
    long last = 0;
    for (String line : output.lines()) {
      int at = line.indexOf("\"Host\":\"");
      int end = at < 0 ? -1 : line.indexOf('"', at + 8);
      // A line cut short by the generator may end inside its host.
      if (end > 0) {
        String host = line.substring(at + 8, end);
        hosts.add(host);
        first += host.equals("user1.comcast.com") ? 1 : 0;
        last += host.equals("user12.att.com") ? 1 : 0;
      }
    }
    assertEquals(12, hosts.size());
    assertTrue(first > 5 * last, first + " vs " + last);
  }
}
