package dev.tributary.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The shared corpus of hostile input, one per format, built around one valid record of the file it
 * goes into (so that it reaches every field of every domain): broken syntax, wrong types, missing
 * and null fields, empty and whitespace lines, invalid UTF-8, NUL and control characters, a byte
 * order mark, CRLF, 1 MB and 20 MB lines, 10,000-deep nesting, NaN, 1e400, too many decimals,
 * timestamps out of range and a duplicate of the valid record.
 *
 * <p>Each case is one line's bytes, without its line end. Cases marked {@code mustRefuse} are
 * refused by every parser of the format whatever the schema; the others depend on the field (an
 * optional field may be missing, a text field may hold digits) and must only end as a record or a
 * dead letter, never as a crash.
 */
public final class HostileCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MB = 1024 * 1024;

  /** One hostile line: what it is, its bytes, and whether every parser must refuse it. */
  public record Case(String name, byte[] bytes, boolean mustRefuse) {
    static Case of(String name, String text, boolean mustRefuse) {
      return new Case(name, text.getBytes(StandardCharsets.UTF_8), mustRefuse);
    }
  }

  private HostileCorpus() {}

  /** The JSON-lines corpus around {@code valid}, a JSON object on one line. */
  public static List<Case> jsonLines(String valid) {
    ObjectNode record = object(valid);
    List<Case> cases = new ArrayList<>();
    cases.add(Case.of("broken syntax", valid.substring(0, valid.length() - 1), true));
    cases.add(Case.of("an array, not an object", "[" + valid + "]", true));
    cases.add(Case.of("a bare number", "42", true));
    cases.add(Case.of("empty line", "", true));
    cases.add(Case.of("whitespace line", " \t  ", true));
    cases.add(new Case("invalid UTF-8", withBytes(valid, new byte[] {(byte) 0xC3, 0x28}), true));
    cases.add(Case.of("raw NUL in a string", inFirstString(record, "a\u0000b"), true));
    cases.add(Case.of("raw control character", inFirstString(record, "a\u0007b"), true));
    cases.add(Case.of("escaped control characters", escapedControls(record), false));
    cases.add(Case.of("byte order mark", "\ufeff" + valid, false));
    cases.add(Case.of("CRLF line end", valid + "\r", false));
    cases.add(Case.of("1 MB line", padded(record, MB + 10), true));
    cases.add(Case.of("20 MB line", padded(record, 20 * MB), true));
    cases.add(
        Case.of("10,000-deep nesting", "{\"x\":".repeat(10_000) + "1" + "}".repeat(10_000), true));
    cases.add(Case.of("duplicate of the valid record", valid, false));
    Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      cases.add(Case.of("missing " + name, without(record, name), false));
      cases.add(Case.of("null " + name, with(record, name, "null"), false));
      cases.add(Case.of("object as " + name, with(record, name, "{\"x\":[1]}"), false));
      cases.add(Case.of("NaN as " + name, with(record, name, "NaN"), true));
      cases.add(Case.of("1e400 as " + name, with(record, name, "1e400"), false));
      JsonNode value = field.getValue();
      if (value.isNumber()) {
        cases.add(
            Case.of(
                "too many decimals in " + name,
                with(record, name, value.asText() + "0000001"),
                false));
      }
      if (value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
        cases.add(
            Case.of(
                "timestamp out of range in " + name,
                with(record, name, "\"+99999-01-01T00:00:00Z\""),
                false));
        cases.add(
            Case.of(
                "timestamp before 1970 in " + name,
                with(record, name, "\"1969-12-31T23:59:59Z\""),
                false));
      }
    }
    return cases;
  }

  /** The CSV corpus around {@code validRow}, a data row (not the header) of the file. */
  public static List<Case> csvRows(String validRow) {
    List<String> fields = List.of(validRow.split(",", -1));
    List<Case> cases = new ArrayList<>();
    cases.add(Case.of("quote left open", "\"" + validRow, true));
    cases.add(Case.of("text after a closing quote", "\"a\"b," + validRow, true));
    cases.add(Case.of("short row", String.join(",", fields.subList(0, fields.size() - 1)), true));
    cases.add(Case.of("long row", validRow + ",extra", true));
    cases.add(Case.of("empty line", "", true));
    cases.add(Case.of("whitespace line", "   ", true));
    cases.add(new Case("invalid UTF-8", withBytes(validRow, new byte[] {(byte) 0xFF}), true));
    cases.add(Case.of("NUL in a field", validRow.replaceFirst(",", ",\u0000"), false));
    cases.add(Case.of("byte order mark mid-file", "\ufeff" + validRow, false));
    cases.add(Case.of("CRLF line end", validRow + "\r", false));
    cases.add(Case.of("1 MB line", "\"" + "x".repeat(MB + 10) + "\"," + validRow, true));
    cases.add(Case.of("20 MB line", "\"" + "x".repeat(20 * MB) + "\"," + validRow, true));
    cases.add(Case.of("duplicate of the valid row", validRow, false));
    for (int i = 0; i < fields.size(); i++) {
      cases.add(Case.of("field " + (i + 1) + " empty", replaced(fields, i, ""), false));
      cases.add(Case.of("field " + (i + 1) + " NaN", replaced(fields, i, "NaN"), false));
      cases.add(Case.of("field " + (i + 1) + " 1e400", replaced(fields, i, "1e400"), false));
      cases.add(
          Case.of(
              "field " + (i + 1) + " out-of-range time",
              replaced(fields, i, "+99999-01-01T00:00:00Z"),
              false));
    }
    return cases;
  }

  private static String replaced(List<String> fields, int i, String value) {
    List<String> copy = new ArrayList<>(fields);
    copy.set(i, value);
    return String.join(",", copy);
  }

  private static ObjectNode object(String valid) {
    try {
      JsonNode node = JSON.readTree(valid);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException("not a JSON object: " + valid);
      }
      return object;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + valid, e);
    }
  }

  /** {@code valid} with {@code bytes} spliced in after its second character (inside the object). */
  private static byte[] withBytes(String valid, byte[] bytes) {
    byte[] text = valid.getBytes(StandardCharsets.UTF_8);
    int at = Math.min(text.length, valid.startsWith("{\"") ? 2 : 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(text, 0, at);
    out.writeBytes(bytes);
    out.write(text, at, text.length - at);
    return out.toByteArray();
  }

  /** The record with its first text field's value set to {@code raw}, written unescaped. */
  private static String inFirstString(ObjectNode record, String raw) {
    Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isTextual()) {
        return with(record, field.getKey(), "\"" + raw + "\"");
      }
    }
    return record + raw;
  }

  /** Every text field holding escaped control characters (valid JSON). */
  private static String escapedControls(ObjectNode record) {
    ObjectNode copy = record.deepCopy();
    record
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isTextual()) {
                copy.put(field.getKey(), field.getValue().asText() + "\u0000\u0001\u001f");
              }
            });
    return copy.toString();
  }

  /** The record with one more field holding enough text to reach {@code bytes}. */
  private static String padded(ObjectNode record, int bytes) {
    ObjectNode copy = record.deepCopy();
    copy.put("padding", "x".repeat(bytes));
    return copy.toString();
  }

  private static String without(ObjectNode record, String name) {
    ObjectNode copy = record.deepCopy();
    copy.remove(name);
    return copy.toString();
  }

  /** The record with field {@code name} holding {@code rawJson}, written as it is. */
  private static String with(ObjectNode record, String name, String rawJson) {
    StringBuilder out = new StringBuilder("{");
    Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (out.length() > 1) {
        out.append(',');
      }
      try {
        out.append(JSON.writeValueAsString(field.getKey())).append(':');
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      out.append(field.getKey().equals(name) ? rawJson : field.getValue().toString());
    }
    return out.append('}').toString();
  }
}
