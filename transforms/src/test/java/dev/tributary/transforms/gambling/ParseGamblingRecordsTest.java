package dev.tributary.transforms.gambling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RawRecordCoder;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/**
 * The committed gambling sample, plus live player activity from Kafka, a repeated bet and a record
 * of no kind, through {@link ParseGamblingRecords}: each kind counted, and the dead letters exactly
 * the sample's labelled lines, the repeat and the stray, by source.
 */
public class ParseGamblingRecordsTest implements Serializable {
  private static final Path SAMPLE =
      Path.of("..", "test-data", "gambling", "sample").toAbsolutePath().normalize();
  private static final String T = "2025-11-08T10:00:00Z";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void everyKindIsParsedAndEveryBadRecordIsADeadLetterAtItsSource() throws IOException {
    List<RawRecord> raw = new ArrayList<>();
    long[] lines = new long[GamblingKind.values().length];
    for (GamblingKind kind : GamblingKind.values()) {
      Path file = SAMPLE.resolve(kind.folder()).resolve(kind.folder() + ".json");
      List<String> text = Files.readAllLines(file);
      raw.addAll(RawRecord.ofLines(file.toString(), text));
      lines[kind.ordinal()] = text.size();
    }
    Set<String> expectedDead = new TreeSet<>();
    long[] malformed = new long[GamblingKind.values().length];
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(SAMPLE.resolve("ground-truth.jsonl"))) {
      JsonNode label = json.readTree(line);
      if (label.get("kind").asText().equals("malformed")) {
        expectedDead.add(
            SAMPLE.resolve(label.get("file").asText()) + ":" + label.get("line").asLong());
        String folder = label.get("file").asText().split("/")[0];
        malformed[GamblingKind.valueOf(folder.toUpperCase()).ordinal()]++;
      }
    }
    String session =
        "{\"session_id\":\"S-live\",\"player_id\":\"P00001\",\"device_id\":\"d\",\"platform\":"
            + "\"mobile\",\"ip_address\":\"10.9.9.9\",\"country\":\"MT\",\"start_time\":\""
            + T
            + "\",\"end_time\":\""
            + T
            + "\"}";
    String event =
        "{\"event_id\":\"E-live\",\"player_id\":\"P00001\",\"event_type\":\"login\","
            + "\"category\":\"audit\",\"timestamp\":\""
            + T
            + "\"}";
    raw.add(new RawRecord("kafka:gambling-player-activity/0@1", session));
    raw.add(new RawRecord("kafka:gambling-player-activity/1@1", event));
    String firstBet =
        raw.stream().filter(r -> r.source.contains("/bets/")).findFirst().get().payload;
    raw.add(new RawRecord("kafka:gambling-bets/2@7", firstBet));
    raw.add(new RawRecord("kafka:other-topic/0@3", session));
    expectedDead.add("kafka:gambling-bets/2@7");
    expectedDead.add("kafka:other-topic/0@3");

    GamblingRecords records =
        pipeline
            .apply(Create.of(raw).withCoder(RawRecordCoder.of()))
            .apply(ParseGamblingRecords.allKinds());

    assertCount(records.players(), lines, malformed, GamblingKind.PLAYERS, 0);
    assertCount(records.games(), lines, malformed, GamblingKind.GAMES, 0);
    assertCount(records.sessions(), lines, malformed, GamblingKind.SESSIONS, 1);
    assertCount(records.bets(), lines, malformed, GamblingKind.BETS, 0);
    assertCount(records.transactions(), lines, malformed, GamblingKind.TRANSACTIONS, 0);
    assertCount(records.events(), lines, malformed, GamblingKind.EVENTS, 1);
    PAssert.that(
            records
                .deadLetters()
                .apply(
                    "Sources",
                    MapElements.into(TypeDescriptors.strings()).via((DeadLetter d) -> d.source)))
        .containsInAnyOrder(expectedDead);
    pipeline.run().waitUntilFinish();
  }

  private static <T> void assertCount(
      PCollection<T> parsed, long[] lines, long[] malformed, GamblingKind kind, long live) {
    PAssert.thatSingleton(parsed.apply("Count " + kind, Count.globally()))
        .isEqualTo(lines[kind.ordinal()] - malformed[kind.ordinal()] + live);
  }
}
