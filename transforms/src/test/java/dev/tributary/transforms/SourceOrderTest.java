package dev.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sources sort by file then line, by topic, partition then offset, numbers as numbers. */
class SourceOrderTest {
  @Test
  void sortsNumbersAsNumbers() {
    List<String> sources =
        new ArrayList<>(
            List.of(
                "b.jsonl:1",
                "a.jsonl:10",
                "a.jsonl:9",
                "a.jsonl:100",
                "kafka:tx/10@1",
                "kafka:tx/2@70",
                "kafka:tx/2@8",
                "a.jsonl:09"));
    sources.sort(SourceOrder.INSTANCE);
    assertEquals(
        List.of(
            "a.jsonl:9",
            "a.jsonl:09",
            "a.jsonl:10",
            "a.jsonl:100",
            "b.jsonl:1",
            "kafka:tx/2@8",
            "kafka:tx/2@70",
            "kafka:tx/10@1"),
        sources);
  }
}
