package dev.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.banking.Transaction;
import dev.tributary.transforms.banking.TransactionParser;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules every parser inherits from {@link ParseAttempt} and {@link JsonFields}, on hostile
 * input: each refusal with its reason, each accepted edge with the value it gives.
 */
class ParseAttemptTest {
  private static final TransactionParser PARSER = new TransactionParser();

  /** A valid transaction with one field's JSON value replaced, e.g. amount {@code "1e2"}. */
  static String tx(String field, String json) {
    String line =
        "{\"id\":\"t1\",\"accountId\":\"a1\",\"amount\":12.50,\"currency\":\"EUR\",\"merchant\":\"m\","
            + "\"merchantCategory\":\"grocery\",\"country\":\"DE\",\"channel\":\"POS\","
            + "\"eventTime\":\"2026-03-02T10:00:00Z\"}";
    return line.replaceFirst(
        "\"" + field + "\":(\"[^\"]*\"|[^,}]*)",
        Matcher.quoteReplacement("\"" + field + "\":" + json));
  }

  private static ParseAttempt<Transaction> attempt(String payload) {
    return ParseAttempt.of(PARSER, new RawRecord("f:1", payload));
  }

  private static void assertRefused(String payload, String reasonPart) {
    ParseAttempt<Transaction> attempt = attempt(payload);
    assertTrue(attempt.isRefused(), "accepted: " + payload);
    assertTrue(
        attempt.reason().contains(reasonPart),
        "reason '" + attempt.reason() + "' does not say '" + reasonPart + "'");
    assertTrue(attempt.reason().length() <= DeadLetter.MAX_REASON_CHARS + 20, attempt.reason());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # event times outside 1970..9999, on both sides of each bound
          "1969-12-31T23:59:59.999Z"      | outside the accepted range 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z
          "+10000-01-01T00:00:00Z"        | outside the accepted range
          "+99999-06-01T00:00:00Z"        | outside the accepted range
          "+294247-01-09T00:00:00Z"       | outside the accepted range
          "-290000-01-01T00:00:00Z"       | outside the accepted range
          "2026-03-02T10:00:00"           | must be an ISO-8601 date-time with offset
          """)
  void refusesEventTimes(String json, String reason) {
    assertRefused(tx("eventTime", json), reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1e999999999                     | is out of range: '1E+999999999' > 1000000000.00
          1e-999999999                    | has more than 2 decimal places: '1E-999999999'
          "1e999999999"                   | is out of range: '1e999999999'
          1000000000.01                   | is out of range
          0.001                           | has more than 2 decimal places
          12.505                          | has more than 2 decimal places
          -3                              | must be greater than 0, got '-3'
          0                               | must be greater than 0
          "12,50"                         | must be a number, got '12,50'
          "NaN"                           | must be a number
          "0x10"                          | must be a number
          true                            | must be a number, got 'true'
          "1234567890123456789012345678901234567890.5" | is written with more than 40 characters
          """)
  void refusesAmounts(String json, String reason) {
    assertRefused(tx("amount", json), reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          12.50                           | 12.50
          "12.50"                         | 12.50
          " 12.5 "                        | 12.50
          1.5e2                           | 150.00
          "1.5E2"                         | 150.00
          12.500000                       | 12.50
          7                               | 7.00
          1000000000.00                   | 1000000000.00
          0.01                            | 0.01
          """)
  void acceptsAmounts(String json, String amount) {
    ParseAttempt<Transaction> attempt = attempt(tx("amount", json));
    assertNull(attempt.reason());
    assertEquals(new BigDecimal(amount), attempt.record().amount);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1970-01-01T00:00:00Z            | 1970-01-01T00:00:00.000Z
          9999-12-31T23:59:59.999Z        | 9999-12-31T23:59:59.999Z
          2026-03-02T11:00:00+01:00       | 2026-03-02T10:00:00.000Z
          2026-03-02T05:00:00-05:00       | 2026-03-02T10:00:00.000Z
          2026-03-02t10:00:00z            | 2026-03-02T10:00:00.000Z
          2026-03-02T10:00:00.123456Z     | 2026-03-02T10:00:00.123Z
          """)
  void acceptsEventTimesAndGivesThemInUtc(String time, String utc) {
    ParseAttempt<Transaction> attempt = attempt(tx("eventTime", "\"" + time + "\""));
    assertNull(attempt.reason());
    assertEquals(Instant.parse(utc), attempt.eventTime());
    assertEquals(Instant.parse(utc), attempt.record().eventTime);
  }

  @Test
  void refusesContentAfterTheObject() {
    String valid = tx("id", "\"t1\"");
    assertRefused(valid + " garbage", "malformed JSON");
    assertRefused(valid + valid, "malformed JSON: Trailing token");
    assertRefused(valid + ",", "malformed JSON");
  }

  @Test
  void refusesAKeyGivenTwice() {
    assertRefused(
        tx("id", "\"t1\"").replace("{\"id\":\"t1\"", "{\"id\":\"t1\",\"id\":\"t2\""),
        "Duplicate field 'id'");
  }

  @Test
  void refusesUnpairedSurrogatesAndKeepsPairs() {
    assertRefused(tx("id", "\"t\\ud800\""), "field 'id' holds an unpaired surrogate U+D800");
    assertRefused(tx("merchant", "\"\\udc00m\""), "field 'merchant' holds an unpaired surrogate");
    ParseAttempt<Transaction> pair = attempt(tx("merchant", "\"caf\\ud83d\\ude00\""));
    assertEquals("caf\uD83D\uDE00", pair.record().merchant);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          "\\u00a0"                       | no-break space
          "\\u200b"                       | zero-width space
          "\\ufeff"                       | byte order mark
          " \\t\\u2003 "                  | spaces and an em space
          ""                              | nothing
          """)
  void refusesTextThatLooksBlank(String json, String what) {
    assertRefused(tx("merchant", json), "field 'merchant' is empty");
  }

  @Test
  void refusesAByteOrderMarkBeforeTheObject() {
    assertRefused("\uFEFF" + tx("id", "\"t1\""), "malformed JSON");
  }

  @Test
  void aReaderDefectRefusesTheRecordUnread() {
    RawRecord defective =
        new RawRecord(
            "f:1", tx("id", "\"t1\""), "not valid UTF-8 (from byte 3)", "AAEC", null, null);
    ParseAttempt<Transaction> attempt = ParseAttempt.of(PARSER, defective);
    assertEquals("not valid UTF-8 (from byte 3)", attempt.reason());
  }

  @Test
  void anyFailureOfTheParserIsARefusalOfThatRecord() {
    RecordParser<String> failing =
        new RecordParser<>() {
          @Override
          public String parse(String payload) {
            throw new IllegalStateException("boom " + "x".repeat(5000));
          }

          @Override
          public Instant eventTime(String record) {
            return Instant.EPOCH;
          }

          @Override
          public org.apache.beam.sdk.values.TypeDescriptor<String> type() {
            return org.apache.beam.sdk.values.TypeDescriptors.strings();
          }
        };
    ParseAttempt<String> attempt = ParseAttempt.of(failing, new RawRecord("f:1", "x"));
    assertTrue(attempt.reason().startsWith("unexpected IllegalStateException: boom xxx"));
    assertTrue(attempt.reason().length() < 1100, "reason is bounded");
  }

  @Test
  void quotesOfHugeValuesAreBounded() {
    String id = "x".repeat(10_000);
    assertRefused(tx("currency", "\"" + id + "\""), "(10000 characters)");
  }
}
