package dev.tributary.transforms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.joda.time.Instant;

/**
 * One JSON object being read field by field by a {@link RecordParser}, where every problem becomes
 * an {@link InvalidRecordException} that names the field and says what was expected.
 *
 * <p>What it accepts, for every domain:
 *
 * <ul>
 *   <li>exactly one JSON object: content after it is refused, and so is a key given twice;
 *   <li>text that is not blank: whitespace, no-break and zero-width spaces alone count as blank;
 *       text with an unpaired surrogate (such as an escaped high surrogate with no low one after
 *       it) is refused, since no encoding can write it back;
 *   <li>decimals as JSON numbers or numeric strings, in plain or exponent notation ({@code 1.5e2}),
 *       with zeros past the allowed places accepted ({@code 12.500} is 12.50); a number written
 *       with more than {@value #MAX_NUMBER_CHARS} characters is refused before it is read;
 *   <li>date-times in ISO-8601 with an offset, any offset (converted to UTC) and a {@code T} and
 *       {@code Z} in either case, as RFC 3339 allows, within {@link EventTimeRange}.
 * </ul>
 */
public final class JsonFields {
  /** The longest number accepted, in characters, sign and exponent included. */
  public static final int MAX_NUMBER_CHARS = 40;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

  private final JsonNode object;

  private JsonFields(JsonNode object) {
    this.object = object;
  }

  /** Reads a payload that must be one JSON object. */
  public static JsonFields of(String payload) throws InvalidRecordException {
    if (payload.isBlank()) {
      throw new InvalidRecordException("empty line");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException(
          "malformed JSON: " + Text.cut(e.getOriginalMessage(), Text.MAX_QUOTED_CHARS * 3));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRecordException("not a JSON object");
    }
    return new JsonFields(node);
  }

  private JsonNode required(String field) throws InvalidRecordException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidRecordException("field '" + field + "' is missing");
    }
    return value;
  }

  /** Whether the object has {@code field} with a value other than null. */
  public boolean has(String field) {
    JsonNode value = object.get(field);
    return value != null && !value.isNull();
  }

  /** A nested JSON object, written back as compact JSON; {@code {}} when the field is absent. */
  public String objectOrEmpty(String field) throws InvalidRecordException {
    if (!has(field)) {
      return "{}";
    }
    JsonNode value = object.get(field);
    if (!value.isObject()) {
      throw new InvalidRecordException(
          "field '" + field + "' must be a JSON object, got " + Text.quoted(value.toString()));
    }
    return value.toString();
  }

  /** A string as {@link #text} reads it, but {@code ""} when absent, null or blank. */
  public String textOrEmpty(String field) throws InvalidRecordException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull() || (value.isTextual() && looksBlank(value.asText()))) {
      return "";
    }
    return text(field);
  }

  /** A string that is not blank and can be written back in any Unicode encoding. */
  public String text(String field) throws InvalidRecordException {
    JsonNode value = required(field);
    if (!value.isTextual()) {
      throw new InvalidRecordException(
          "field '" + field + "' must be a string, got " + Text.quoted(value.toString()));
    }
    String text = value.asText();
    if (looksBlank(text)) {
      throw new InvalidRecordException("field '" + field + "' is empty");
    }
    int unpaired = unpairedSurrogate(text);
    if (unpaired >= 0) {
      throw new InvalidRecordException(
          String.format(
              "field '%s' holds an unpaired surrogate U+%04X at character %d, which no encoding can write",
              field, (int) text.charAt(unpaired), unpaired));
    }
    return text;
  }

  /** Whether {@code text} has nothing but whitespace, spaces of any kind and invisible formats. */
  static boolean looksBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)
          && !Character.isSpaceChar(c)
          && Character.getType(c) != Character.FORMAT) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first surrogate in {@code text} that is not half of a pair, or -1. */
  static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** A string matching {@code pattern}; {@code expected} describes it in the error. */
  public String text(String field, Pattern pattern, String expected) throws InvalidRecordException {
    String value = text(field);
    if (!pattern.matcher(value).matches()) {
      throw new InvalidRecordException(
          "field '" + field + "' must be " + expected + ", got " + Text.quoted(value));
    }
    return value;
  }

  /** An ISO 3166 alpha-2 country code, e.g. {@code DE}. */
  public String countryCode(String field) throws InvalidRecordException {
    return text(field, COUNTRY_CODE, "an ISO 3166 alpha-2 code (two capital letters)");
  }

  /** One of a fixed set of strings. */
  public String oneOf(String field, Set<String> allowed) throws InvalidRecordException {
    String value = text(field);
    if (!allowed.contains(value)) {
      throw new InvalidRecordException(
          "field '"
              + field
              + "' must be one of "
              + allowed.stream().sorted().toList()
              + ", got "
              + Text.quoted(value));
    }
    return value;
  }

  /**
   * An exact decimal, from a JSON number or a numeric string, greater than zero and at most {@code
   * max}, with at most {@code scale} decimal places; returned with exactly that scale. Refusals
   * quote the value in exponent notation, never its plain expansion, which for {@code 1e999999999}
   * would not fit in memory.
   */
  public BigDecimal positiveDecimal(String field, int scale, BigDecimal max)
      throws InvalidRecordException {
    return decimal(field, scale, false, max);
  }

  /**
   * An exact decimal as {@link #positiveDecimal} reads it, but 0 allowed: from 0 to {@code max} (a
   * payout that paid nothing).
   */
  public BigDecimal nonNegativeDecimal(String field, int scale, BigDecimal max)
      throws InvalidRecordException {
    return decimal(field, scale, true, max);
  }

  /**
   * An array of strings, each read as {@link #text} reads one; empty when the field is absent or
   * null.
   */
  public java.util.List<String> textList(String field) throws InvalidRecordException {
    if (!has(field)) {
      return java.util.List.of();
    }
    JsonNode value = object.get(field);
    if (!value.isArray()) {
      throw new InvalidRecordException(
          "field '" + field + "' must be a JSON array, got " + Text.quoted(value.toString()));
    }
    java.util.List<String> texts = new java.util.ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isTextual() || looksBlank(item.asText())) {
        throw new InvalidRecordException(
            "field '"
                + field
                + "' must hold only non-blank strings, got "
                + Text.quoted(item.toString()));
      }
      texts.add(item.asText());
    }
    return texts;
  }

  private BigDecimal decimal(String field, int scale, boolean zeroAllowed, BigDecimal max)
      throws InvalidRecordException {
    JsonNode value = required(field);
    String written;
    if (value.isNumber()) {
      written = value.asText();
    } else if (value.isTextual()) {
      written = value.asText().trim();
    } else {
      throw new InvalidRecordException(
          "field '" + field + "' must be a number, got " + Text.quoted(value.toString()));
    }
    return decimal(
        field,
        written,
        value.isNumber() ? value::decimalValue : () -> new BigDecimal(written),
        scale,
        zeroAllowed,
        max);
  }

  /**
   * {@code written}, the text of {@code field}, whose value {@code read} gives once its length is
   * checked, as {@link #positiveDecimal(String, int, BigDecimal)} reads it and refuses it: shared
   * with {@link CsvFields}.
   */
  static BigDecimal positiveDecimal(
      String field, String written, Supplier<BigDecimal> read, int scale, BigDecimal max)
      throws InvalidRecordException {
    return decimal(field, written, read, scale, false, max);
  }

  private static BigDecimal decimal(
      String field,
      String written,
      Supplier<BigDecimal> read,
      int scale,
      boolean zeroAllowed,
      BigDecimal max)
      throws InvalidRecordException {
    if (written.length() > MAX_NUMBER_CHARS) {
      throw new InvalidRecordException(
          "field '"
              + field
              + "' is written with more than "
              + MAX_NUMBER_CHARS
              + " characters: "
              + Text.quoted(written));
    }
    BigDecimal decimal;
    try {
      decimal = read.get();
    } catch (NumberFormatException e) {
      throw new InvalidRecordException(
          "field '" + field + "' must be a number, got " + Text.quoted(written));
    }
    if (decimal.signum() < 0 || (decimal.signum() == 0 && !zeroAllowed)) {
      throw new InvalidRecordException(
          "field '"
              + field
              + "' must be "
              + (zeroAllowed ? "0 or more" : "greater than 0")
              + ", got "
              + Text.quoted(written));
    }
    // compareTo looks at the exponents first, so a huge one costs nothing here.
    if (decimal.compareTo(max) > 0) {
      throw new InvalidRecordException(
          "field '"
              + field
              + "' is out of range: "
              + Text.quoted(written)
              + " > "
              + max.toPlainString());
    }
    if (decimal.stripTrailingZeros().scale() > scale) {
      throw new InvalidRecordException(
          "field '"
              + field
              + "' has more than "
              + scale
              + " decimal places: "
              + Text.quoted(written));
    }
    return decimal.setScale(scale);
  }

  /**
   * A whole number from {@code min} to {@code max}, from a JSON integer or a numeric string ({@code
   * 5.0} and {@code 1e3} are refused: a count is written as a count).
   */
  public long wholeNumber(String field, long min, long max) throws InvalidRecordException {
    JsonNode value = required(field);
    if (!value.isIntegralNumber() && !value.isTextual()) {
      throw new InvalidRecordException(
          "field '" + field + "' must be a whole number, got " + Text.quoted(value.toString()));
    }
    return wholeNumber(
        field, value.isTextual() ? value.asText().trim() : value.toString(), min, max);
  }

  /** {@code written}, the text of {@code field}, read and refused as {@link #wholeNumber} does. */
  public static long wholeNumber(String field, String written, long min, long max)
      throws InvalidRecordException {
    long value;
    try {
      if (written.length() > 20) {
        throw new NumberFormatException();
      }
      value = Long.parseLong(written);
    } catch (NumberFormatException e) {
      throw new InvalidRecordException(
          "field '" + field + "' must be a whole number, got " + Text.quoted(written));
    }
    if (value < min || value > max) {
      throw new InvalidRecordException(
          "field '"
              + field
              + "' must be from "
              + min
              + " to "
              + max
              + ", got "
              + Text.quoted(written));
    }
    return value;
  }

  /**
   * An ISO-8601 date-time with an offset, e.g. {@code 2026-03-01T10:15:30.250Z}, within {@link
   * EventTimeRange}.
   */
  public Instant instant(String field) throws InvalidRecordException {
    return new Instant(instantMillis(field, text(field)));
  }

  /**
   * {@code value}, the text of {@code field}, as milliseconds since the epoch, read as {@link
   * #instant} reads it, and refused as it refuses it: for a caller that has the text but not the
   * record, such as the bench deciding which lines the job will take for a time.
   */
  public static long instantMillis(String field, String value) throws InvalidRecordException {
    long millis;
    try {
      millis = IsoInstants.epochMillis(value);
    } catch (DateTimeException | ArithmeticException e) {
      throw new InvalidRecordException(
          "field '"
              + field
              + "' must be an ISO-8601 date-time with offset, got "
              + Text.quoted(value));
    }
    if (!EventTimeRange.contains(millis)) {
      throw new InvalidRecordException(
          "field '"
              + field
              + "' is outside the accepted range "
              + EventTimeRange.describe()
              + ": "
              + Text.quoted(value));
    }
    return millis;
  }

  /** An ISO-8601 date, e.g. {@code 2021-06-30}; returned as written. */
  public String isoDate(String field) throws InvalidRecordException {
    String value = text(field);
    try {
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException(
          "field '" + field + "' must be an ISO-8601 date (yyyy-MM-dd), got " + Text.quoted(value));
    }
    return value;
  }
}
