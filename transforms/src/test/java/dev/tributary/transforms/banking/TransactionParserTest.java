package dev.tributary.transforms.banking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.InvalidRecordException;
import java.math.BigDecimal;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionParserTest {
  private static final String VALID =
      "{\"id\":\"t1\",\"accountId\":\"a1\",\"amount\":12.5,\"currency\":\"EUR\",\"merchant\":\"m\","
          + "\"merchantCategory\":\"grocery\",\"country\":\"DE\",\"channel\":\"POS\",\"eventTime\":\"2026-03-02T10:00:00.250+01:00\"}";

  private final TransactionParser parser = new TransactionParser();

  @Test
  void readsEveryFieldWithExactAmountAndUtcTime() throws InvalidRecordException {
    Transaction tx = parser.parse(VALID);
    assertEquals(
        new Transaction(
            "t1",
            "a1",
            new BigDecimal("12.50"),
            "EUR",
            "m",
            "grocery",
            "DE",
            "POS",
            Instant.parse("2026-03-02T09:00:00.250Z")),
        tx);
    assertEquals(2, tx.amount.scale());
  }

  @Test
  void acceptsAmountAsNumericString() throws InvalidRecordException {
    assertEquals(new BigDecimal("7.00"), parser.parse(VALID.replace("12.5", "\"7\"")).amount);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"amount\":12.5'|'\"amount\":-1'|field 'amount' must be greater than 0, got '-1'",
        "'\"amount\":12.5'|'\"amount\":0'|field 'amount' must be greater than 0, got '0'",
        "'\"amount\":12.5'|'\"amount\":\"ten\"'|field 'amount' must be a number, got 'ten'",
        "'\"amount\":12.5'|'\"amount\":1.005'|field 'amount' has more than 2 decimal places: '1.005'",
        "'\"amount\":12.5'|'\"amount\":1000000000.01'|field 'amount' is out of range: '1000000000.01' > 1000000000.00",
        "'\"amount\":12.5,'|''|field 'amount' is missing",
        "'\"channel\":\"POS\"'|'\"channel\":\"FAX\"'|field 'channel' must be one of [ATM, ONLINE, POS], got 'FAX'",
        "'\"country\":\"DE\"'|'\"country\":\"Germany\"'|field 'country' must be an ISO 3166 alpha-2 code (two capital letters), got 'Germany'",
        "'\"currency\":\"EUR\"'|'\"currency\":\"eur\"'|field 'currency' must be an ISO 4217 code (three capital letters), got 'eur'",
        "'\"id\":\"t1\"'|'\"id\":\"\"'|field 'id' is empty",
        "'\"id\":\"t1\"'|'\"id\":7'|field 'id' must be a string, got '7'",
        "'2026-03-02T10:00:00.250+01:00'|'2026-03-02 10:00'|field 'eventTime' must be an ISO-8601 date-time with offset, got '2026-03-02 10:00'",
      })
  void refusesWithAReasonThatNamesTheField(String replace, String with, String reason) {
    InvalidRecordException e =
        assertThrows(
            InvalidRecordException.class, () -> parser.parse(VALID.replace(replace, with)));
    assertEquals(reason, e.getMessage());
  }

  @Test
  void refusesWhatIsNotOneJsonObject() {
    assertEquals(
        "empty line",
        assertThrows(InvalidRecordException.class, () -> parser.parse("  ")).getMessage());
    assertEquals(
        "not a JSON object",
        assertThrows(InvalidRecordException.class, () -> parser.parse("[1,2]")).getMessage());
    assertEquals(
        "malformed JSON: Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])",
        assertThrows(InvalidRecordException.class, () -> parser.parse("{\"id\":\"t1\""))
            .getMessage());
  }
}
