package dev.tributary.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * One record as it arrived, before any parsing: the raw text and where it came from (a file and
 * line number, or a topic, partition and offset), so that a dead letter can point back to it.
 *
 * <p>A reader that could not take the record as it is says so in {@link #defect}: the bytes were
 * not valid UTF-8 (then {@link #payloadBase64} holds them exactly), or the record was longer than
 * the reader's limit (then {@link #payload} holds its start, and {@link #originalBytes} and {@link
 * #originalSha256} describe the whole). {@link Parse} turns a record with a defect into a dead
 * letter without reading it. {@link RawPayloads} builds such records from bytes.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class RawRecord {
  public final String source;
  public final String payload;

  /** Why the record cannot be read as it is, or null. */
  public final @Nullable String defect;

  /** The record's exact bytes, base64, when they are not valid UTF-8; else null. */
  public final @Nullable String payloadBase64;

  /** The size in bytes of the whole record, when {@link #payload} holds only its start. */
  public final @Nullable Long originalBytes;

  /** The SHA-256 (hex) of the whole record, when {@link #payload} holds only its start. */
  public final @Nullable String originalSha256;

  @SchemaCreate
  public RawRecord(
      String source,
      String payload,
      @Nullable String defect,
      @Nullable String payloadBase64,
      @Nullable Long originalBytes,
      @Nullable String originalSha256) {
    this.source = source;
    this.payload = payload;
    this.defect = defect;
    this.payloadBase64 = payloadBase64;
    this.originalBytes = originalBytes;
    this.originalSha256 = originalSha256;
  }

  /** A record read as it is, with no defect. */
  public RawRecord(String source, String payload) {
    this(source, payload, null, null, null, null);
  }

  /** Line {@code lineNumber} (from 1) of {@code file}, with source {@code <file>:<lineNumber>}. */
  public static RawRecord ofLine(String file, long lineNumber, String line) {
    return new RawRecord(file + ":" + lineNumber, line);
  }

  /** Every line of {@code file}, numbered as {@link #ofLine} does. */
  public static List<RawRecord> ofLines(String file, List<String> lines) {
    List<RawRecord> records = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      records.add(ofLine(file, i + 1, lines.get(i)));
    }
    return records;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawRecord r
        && source.equals(r.source)
        && payload.equals(r.payload)
        && Objects.equals(defect, r.defect)
        && Objects.equals(payloadBase64, r.payloadBase64)
        && Objects.equals(originalBytes, r.originalBytes)
        && Objects.equals(originalSha256, r.originalSha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, payload);
  }

  @Override
  public String toString() {
    return source + ": " + (defect == null ? "" : "(" + defect + ") ") + payload;
  }
}
