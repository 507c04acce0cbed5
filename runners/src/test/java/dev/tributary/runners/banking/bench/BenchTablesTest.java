package dev.tributary.runners.banking.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.Test;

/** What makes a streaming bench run wrong rather than slow. */
public class BenchTablesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  public void aStreamingRunWithEveryAlertOnceAndTheExpectedDeadLettersIsRight() throws Exception {
    assertEquals(List.of(), BenchTables.disagreements(streaming(0, 0, 32, 32)));
  }

  @Test
  public void aStreamingRunIsWrongWhenItLosesOrDuplicatesAnAlert() throws Exception {
    assertEquals(1, BenchTables.disagreements(streaming(1, 0, 32, 32)).size());
    assertEquals(1, BenchTables.disagreements(streaming(0, 7, 32, 32)).size());
  }

  @Test
  public void aStreamingRunIsWrongWhenItsDeadLettersAreNotTheExpectedOnes() throws Exception {
    List<String> fewer = BenchTables.disagreements(streaming(0, 0, 24, 32));
    List<String> more = BenchTables.disagreements(streaming(0, 0, 40, 32));

    assertEquals(1, fewer.size());
    assertTrue(fewer.get(0), fewer.get(0).contains("24 dead letters, the model expects 32"));
    assertEquals(1, more.size());
  }

  private static JsonNode streaming(
      long lost, long duplicated, long deadLetters, long expectedDeadLetters) throws Exception {
    return JSON.readTree(
        String.format(
            "{\"streaming\": {\"lost\": %d, \"duplicated\": %d, \"deadLetters\": %d, \"expectedDeadLetters\": %d}}",
            lost, duplicated, deadLetters, expectedDeadLetters));
  }
}
