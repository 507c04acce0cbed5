package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tributary.transforms.RawPayloads;
import dev.tributary.transforms.RawRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Physical lines, whatever the bytes: line ends, byte order marks, bad UTF-8, over-long lines. */
class LineSplitterTest {
  /** The records of {@code bytes} fed in chunks of {@code chunk} bytes. */
  static List<RawRecord> split(byte[] bytes, int maxLineBytes, int chunk) {
    List<RawRecord> records = new ArrayList<>();
    LineSplitter lines = new LineSplitter("f", maxLineBytes, records::add);
    for (int from = 0; from < bytes.length; from += chunk) {
      byte[] part = new byte[Math.min(chunk, bytes.length - from)];
      System.arraycopy(bytes, from, part, 0, part.length);
      lines.feed(part, part.length);
    }
    lines.finish();
    return records;
  }

  private static List<RawRecord> split(String text) {
    return split(text.getBytes(StandardCharsets.UTF_8), 1000, 3);
  }

  @Test
  void aLoneCarriageReturnIsContentAndCrLfEndsALine() {
    assertEquals(
        List.of(new RawRecord("f:1", "a\rb"), new RawRecord("f:2", "c"), new RawRecord("f:3", "d")),
        split("a\rb\nc\r\nd"));
  }

  @Test
  void emptyLinesCountAndAFinalNewlineAddsNoLine() {
    assertEquals(
        List.of(new RawRecord("f:1", "a"), new RawRecord("f:2", ""), new RawRecord("f:3", "b")),
        split("a\n\nb\n"));
    assertEquals(List.of(), split(""));
  }

  @Test
  void aByteOrderMarkIsSkippedAtTheStartOfTheFileOnly() {
    assertEquals(
        List.of(new RawRecord("f:1", "a"), new RawRecord("f:2", "\uFEFFb")),
        split("\uFEFFa\n\uFEFFb"));
  }

  @Test
  void invalidUtf8KeepsTheExactBytesAndNamesTheDefect() {
    byte[] line = {'{', '"', (byte) 0xC3, '"', '}'};
    RawRecord record = split(line, 1000, 2).get(0);
    assertEquals("f:1", record.source);
    assertEquals(
        "not valid UTF-8 (from byte 2); the exact bytes are in payloadBase64", record.defect);
    assertEquals(Base64.getEncoder().encodeToString(line), record.payloadBase64);
    assertEquals("{\"\uFFFD\"}", record.payload);
  }

  @Test
  void encodedSurrogatesAreNotValidUtf8() {
    byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    assertEquals(
        "not valid UTF-8 (from byte 0); the exact bytes are in payloadBase64",
        split(surrogate, 1000, 64).get(0).defect);
  }

  @Test
  void aRealReplacementCharacterIsValid() {
    RawRecord record = split("a\uFFFDb").get(0);
    assertNull(record.defect);
    assertEquals("a\uFFFDb", record.payload);
  }

  @Test
  void anOverlongLineKeepsItsStartSizeAndHashAndTheNextLineIsRead() throws Exception {
    byte[] longLine = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(longLine);
    file.write("\nnext\n".getBytes(StandardCharsets.UTF_8));
    List<RawRecord> records = split(file.toByteArray(), 5000, 777);

    RawRecord overlong = records.get(0);
    assertEquals(
        "record is 10,000 bytes, over the limit of 5,000; payload holds its first 4,096 bytes",
        overlong.defect);
    assertEquals("x".repeat(RawPayloads.KEPT_PREFIX_BYTES), overlong.payload);
    assertEquals(10_000L, overlong.originalBytes);
    assertEquals(
        HexFormat.of().formatHex(RawPayloads.sha256().digest(longLine)), overlong.originalSha256);
    assertEquals(new RawRecord("f:2", "next"), records.get(1));
  }

  @Property(tries = 300)
  void anyBytesGiveOneRecordPerPhysicalLine(
      @ForAll @Size(max = 300) byte[] bytes, @ForAll @IntRange(min = 1, max = 50) int chunk) {
    int newlines = 0;
    for (byte b : bytes) {
      newlines += b == '\n' ? 1 : 0;
    }
    boolean unterminated = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
    List<RawRecord> records = split(bytes, 40, chunk);
    assertEquals(newlines + (unterminated ? 1 : 0), records.size());
    for (int i = 0; i < records.size(); i++) {
      assertEquals("f:" + (i + 1), records.get(i).source);
    }
  }
}
