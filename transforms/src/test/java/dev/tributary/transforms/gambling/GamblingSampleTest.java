package dev.tributary.transforms.gambling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.RecordParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed gambling sample through the six parsers: exactly the lines its ground truth labels
 * malformed are refused, every other line reads.
 */
class GamblingSampleTest {
  private static final Path SAMPLE =
      Path.of("..", "test-data", "gambling", "sample").toAbsolutePath().normalize();
  private static final Map<String, RecordParser<?>> PARSERS =
      Map.of(
          "players", new PlayerParser(),
          "games", new GameParser(),
          "sessions", new SessionParser(),
          "bets", new BetParser(),
          "transactions", new TransactionParser(),
          "events", new EventParser());

  @Test
  void exactlyTheLabelledLinesAreRefused() throws IOException {
    Set<String> refused = new TreeSet<>();
    long read = 0;
    for (Map.Entry<String, RecordParser<?>> entity : PARSERS.entrySet()) {
      String file = entity.getKey() + "/" + entity.getKey() + ".json";
      List<String> lines = Files.readAllLines(SAMPLE.resolve(file));
      for (int i = 0; i < lines.size(); i++) {
        read++;
        try {
          entity.getValue().parse(lines.get(i));
        } catch (InvalidRecordException e) {
          refused.add(file + ":" + (i + 1));
        }
      }
    }
    Set<String> labelled = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(SAMPLE.resolve("ground-truth.jsonl"))) {
      JsonNode label = json.readTree(line);
      if (label.get("kind").asText().equals("malformed")) {
        labelled.add(label.get("file").asText() + ":" + label.get("line").asLong());
      }
    }
    assertEquals(labelled, refused);
    assertEquals(2_242, read, "the sample's records");
  }
}
