package dev.tributary.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * One record as it arrived, before any parsing: the raw text and where it came from (a file and
 * line number, or a topic, partition and offset), so that a dead letter can point back to it.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class RawRecord {
  public final String source;
  public final String payload;

  @SchemaCreate
  public RawRecord(String source, String payload) {
    this.source = source;
    this.payload = payload;
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
    return o instanceof RawRecord r && source.equals(r.source) && payload.equals(r.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, payload);
  }

  @Override
  public String toString() {
    return source + ": " + payload;
  }
}
