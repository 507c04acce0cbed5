package dev.tributary.testdata.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommerceGeneratorTest {
  private static final Path SAMPLE = Path.of("commerce", "sample");

  /** The settings of the committed sample, as the README's command writes it. */
  static CommerceGenerator.Settings sampleSettings() {
    CommerceGenerator.Settings s = new CommerceGenerator.Settings();
    s.orders = 2_000;
    s.days = 3;
    s.malformedShare = 0.01;
    return s;
  }

  @Test
  void theCommittedSampleIsWhatItsSettingsGenerate() throws IOException {
    CommerceGenerator.Output output = CommerceGenerator.generate(sampleSettings());
    assertEquals(Files.readAllLines(SAMPLE.resolve(CommerceGenerator.ORDERS_FILE)), output.lines());
    assertEquals(
        CommerceGenerator.readGroundTruth(SAMPLE.resolve(CommerceGenerator.GROUND_TRUTH_FILE)),
        output.groundTruth());
  }

  @Test
  void theSameSeedGivesTheSameLinesAndAnotherSeedOthers() {
    CommerceGenerator.Settings s = sampleSettings();
    CommerceGenerator.Output first = CommerceGenerator.generate(s);
    assertEquals(first, CommerceGenerator.generate(s));
    s.seed = 43;
    assertNotEquals(first.lines(), CommerceGenerator.generate(s).lines());
  }

  @Test
  void theHeaderNamesTheColumnsAndEveryRowIsInTimeOrder() {
    CommerceGenerator.Output output = CommerceGenerator.generate(sampleSettings());
    assertEquals(String.join(",", CommerceGenerator.COLUMNS), output.lines().get(0));
    String last = "";
    for (String line : output.lines().subList(1, output.lines().size())) {
      String time = line.substring(line.lastIndexOf(',') + 1);
      if (time.startsWith("2025-11-0") && time.length() == 20) {
        assertEquals(true, time.compareTo(last) >= 0, line);
        last = time;
      }
    }
  }
}
