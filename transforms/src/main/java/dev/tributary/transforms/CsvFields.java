package dev.tributary.transforms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.joda.time.Instant;

/**
 * One line of RFC 4180 CSV (read with Commons CSV: quoted fields, commas, quotes and CR inside
 * them), with typed accessors by column name that refuse a bad value as {@link JsonFields} does: a
 * reason that names the column and quotes the value. One record per line: a line break inside a
 * quoted field is refused, since files are split into lines before parsing.
 */
public final class CsvFields {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final List<String> columns;
  private final List<String> values;

  private CsvFields(List<String> columns, List<String> values) {
    this.columns = columns;
    this.values = values;
  }

  /**
   * The fields of {@code line}, which must have exactly one value per column of {@code columns}.
   */
  public static CsvFields of(String line, List<String> columns) throws InvalidRecordException {
    List<String> values = values(line);
    if (values.size() != columns.size()) {
      throw new InvalidRecordException(
          "expected "
              + columns.size()
              + " fields ("
              + String.join(",", columns)
              + "), got "
              + values.size());
    }
    return new CsvFields(columns, values);
  }

  /** The values of one CSV line, unquoted. */
  public static List<String> values(String line) throws InvalidRecordException {
    if (line.isBlank()) {
      throw new InvalidRecordException("empty line");
    }
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      Throwable cause =
          e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      throw new InvalidRecordException(
          "malformed CSV: "
              + Text.cut(String.valueOf(cause.getMessage()), Text.MAX_QUOTED_CHARS * 3));
    }
    if (records.size() != 1) {
      throw new InvalidRecordException(
          "a line break inside a quoted field: one record must be one line");
    }
    return records.get(0).toList();
  }

  private String raw(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return values.get(index);
  }

  /** A value that is not blank and can be written back in any Unicode encoding. */
  public String text(String column) throws InvalidRecordException {
    String text = raw(column);
    if (JsonFields.looksBlank(text)) {
      throw new InvalidRecordException("field '" + column + "' is empty");
    }
    int unpaired = JsonFields.unpairedSurrogate(text);
    if (unpaired >= 0) {
      throw new InvalidRecordException(
          String.format(
              "field '%s' holds an unpaired surrogate U+%04X at character %d, which no encoding can write",
              column, (int) text.charAt(unpaired), unpaired));
    }
    return text;
  }

  /** A whole number from 1 to {@code max}, written in decimal digits. */
  public int positiveInt(String column, int max) throws InvalidRecordException {
    String written = raw(column).trim();
    long value;
    try {
      if (written.length() > 10) {
        throw new NumberFormatException();
      }
      value = Long.parseLong(written);
    } catch (NumberFormatException e) {
      throw new InvalidRecordException(
          "field '" + column + "' must be a whole number, got " + Text.quoted(written));
    }
    if (value < 1 || value > max) {
      throw new InvalidRecordException(
          "field '" + column + "' must be from 1 to " + max + ", got " + Text.quoted(written));
    }
    return (int) value;
  }

  /**
   * An exact decimal greater than zero and at most {@code max}, with at most {@code scale} decimal
   * places, returned with exactly that scale; refused as {@link JsonFields#positiveDecimal}
   * refuses.
   */
  public BigDecimal positiveDecimal(String column, int scale, BigDecimal max)
      throws InvalidRecordException {
    String written = raw(column).trim();
    return JsonFields.positiveDecimal(column, written, () -> new BigDecimal(written), scale, max);
  }

  /** An ISO-8601 date-time with an offset, within {@link EventTimeRange}. */
  public Instant instant(String column) throws InvalidRecordException {
    return new Instant(JsonFields.instantMillis(column, raw(column).trim()));
  }
}
