package dev.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {
  private static final List<String> COLUMNS = List.of("id", "amount");

  @Test
  void dropsTheHeaderThatNamesTheColumnsEvenQuoted() {
    assertEquals(
        Optional.empty(), CsvHeader.check(RawRecord.ofLine("a.csv", 1, "id,amount"), COLUMNS));
    assertEquals(
        Optional.empty(), CsvHeader.check(RawRecord.ofLine("a.csv", 1, "\"id\", amount"), COLUMNS));
  }

  @Test
  void marksAFirstLineThatNamesOtherColumnsWithADefect() {
    RawRecord checked =
        CsvHeader.check(RawRecord.ofLine("a.csv", 1, "amount,id"), COLUMNS).orElseThrow();
    assertEquals(
        "the header line must name the columns id,amount; got 'amount,id'", checked.defect);
    assertEquals("amount,id", checked.payload);
  }

  @Test
  void passesOtherLinesAndKafkaMessagesAsTheyAre() {
    RawRecord line = RawRecord.ofLine("a.csv", 11, "id,amount");
    RawRecord message = new RawRecord("orders/0@1", "id,amount");
    assertEquals(Optional.of(line), CsvHeader.check(line, COLUMNS));
    assertEquals(Optional.of(message), CsvHeader.check(message, COLUMNS));
  }
}
