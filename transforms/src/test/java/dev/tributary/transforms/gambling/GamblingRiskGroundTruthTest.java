package dev.tributary.transforms.gambling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.tributary.detect.Alert;
import dev.tributary.testdata.gambling.GamblingGenerator;
import dev.tributary.transforms.RawRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.Test;

/**
 * Each risk rule finds exactly the generator's injected cases (precision and recall 1.0 by rule and
 * subject), on the seed's default world and on other seeds and sizes; every alert's triggering
 * record is one of its case's records.
 */
public class GamblingRiskGroundTruthTest {
  private static void assertFindsExactlyTheInjectedCases(GamblingGenerator.Settings settings) {
    GamblingGenerator.Output output = GamblingGenerator.generate(settings);
    List<RawRecord> raw = new ArrayList<>();
    output.files().forEach((file, lines) -> raw.addAll(RawRecord.ofLines(file, lines)));
    List<Alert> alerts = new GamblingModel().run(raw).alerts();

    Map<String, Set<String>> truth = new TreeMap<>();
    Map<String, List<String>> caseRecords = new TreeMap<>();
    for (GamblingGenerator.Risk risk : output.risks()) {
      truth.computeIfAbsent(risk.rule(), r -> new TreeSet<>()).add(risk.subject());
      caseRecords.put(risk.rule() + "|" + risk.subject(), risk.recordIds());
    }
    Map<String, Set<String>> found = new TreeMap<>();
    for (Alert alert : alerts) {
      found.computeIfAbsent(alert.rule, r -> new TreeSet<>()).add(alert.subjectId);
      List<String> records = caseRecords.get(alert.rule + "|" + alert.subjectId);
      if (records != null) {
        assertTrue(
            alert + " is triggered by its case", records.contains(alert.triggeringRecordId()));
      }
    }
    for (String rule : truth.keySet()) {
      Set<String> expected = truth.get(rule);
      Set<String> got = found.getOrDefault(rule, Set.of());
      Set<String> both = new TreeSet<>(expected);
      both.retainAll(got);
      System.out.printf(
          "seed %d x%d %s: %d cases, %d subjects alerted, precision %.2f, recall %.2f%n",
          settings.seed,
          settings.scale,
          rule,
          expected.size(),
          got.size(),
          got.isEmpty() ? 0.0 : (double) both.size() / got.size(),
          (double) both.size() / expected.size());
      assertEquals(rule + " (seed " + settings.seed + ")", expected, got);
    }
    assertEquals("no rule beyond the four", truth.keySet(), found.keySet());
  }

  @Test
  public void theSeedsDefaults() {
    assertFindsExactlyTheInjectedCases(new GamblingGenerator.Settings());
  }

  @Test
  public void otherSeedsAndSizes() {
    for (long seed : new long[] {7, 1234}) {
      GamblingGenerator.Settings settings = new GamblingGenerator.Settings();
      settings.seed = seed;
      settings.scale = 3;
      settings.casesPerRule = 5;
      assertFindsExactlyTheInjectedCases(settings);
    }
  }
}
