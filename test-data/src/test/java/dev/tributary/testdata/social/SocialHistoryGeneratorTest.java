package dev.tributary.testdata.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SocialHistoryGeneratorTest {
  private static final Path SAMPLE = Path.of("social", "sample");

  /** The settings of the committed sample, as docs/social.md's command writes it. */
  static SocialHistoryGenerator.Settings sampleSettings() {
    SocialHistoryGenerator.Settings s = new SocialHistoryGenerator.Settings();
    s.days = 2;
    s.users = 60;
    s.postsPerHour = 5;
    s.userUpdatesPerHour = 3;
    s.malformedShare = 0.01;
    return s;
  }

  @Test
  void theCommittedSampleIsWhatItsSettingsGenerate() throws IOException {
    SocialHistoryGenerator.Output output = SocialHistoryGenerator.generate(sampleSettings());
    for (var file : output.files().entrySet()) {
      assertEquals(
          Files.readAllLines(SAMPLE.resolve(file.getKey())), file.getValue(), file.getKey());
    }
    assertEquals(
        SocialHistoryGenerator.readGroundTruth(
            SAMPLE.resolve(SocialHistoryGenerator.GROUND_TRUTH_FILE)),
        output.groundTruth());
  }

  @Test
  void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
    SocialHistoryGenerator.Settings s = sampleSettings();
    SocialHistoryGenerator.Output first = SocialHistoryGenerator.generate(s);
    assertEquals(first, SocialHistoryGenerator.generate(s));
    s.seed = 43;
    assertNotEquals(first.files(), SocialHistoryGenerator.generate(s).files());
  }

  @Test
  void everyRecordIsInTheFolderOfItsHourAndTheDefaultIsSevenDays() {
    SocialHistoryGenerator.Settings s = sampleSettings();
    s.start = LocalDate.of(2024, 11, 8);
    SocialHistoryGenerator.Output output = SocialHistoryGenerator.generate(s);
    output
        .files()
        .forEach(
            (file, lines) -> {
              String hour = file.replaceAll(".*day=(\\d\\d)/hour=(\\d\\d)/.*", "$1T$2");
              for (String line : lines) {
                int at = line.indexOf("\"timestamp\":\"2024-11-");
                if (at >= 0) {
                  assertEquals(hour, line.substring(at + 21, at + 26), file + ": " + line);
                }
              }
            });
    assertEquals(7, new SocialHistoryGenerator.Settings().days);
    assertTrue(
        output.files().keySet().stream()
            .allMatch(
                f ->
                    f.matches(
                        "(posts|comments|users)/year=2024/month=11/day=\\d\\d/hour=\\d\\d/data_0.json")));
  }
}
