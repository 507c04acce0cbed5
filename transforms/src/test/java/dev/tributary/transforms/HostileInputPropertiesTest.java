package dev.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.banking.AccountProfileParser;
import dev.tributary.transforms.banking.TransactionParser;
import dev.tributary.transforms.commerce.OrderParser;
import dev.tributary.transforms.game.GameEventParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random bytes and random JSON never make any domain's parser throw: every record is either parsed
 * with a time in range or refused with a bounded reason; and a dead letter fitted to a size fits
 * it.
 */
class HostileInputPropertiesTest {
  private static final RecordParser<?>[] PARSERS = {
    new TransactionParser(),
    new AccountProfileParser(),
    new OrderParser(),
    new GameEventParser(),
    new dev.tributary.transforms.social.PostParser(),
    new dev.tributary.transforms.social.CommentParser(),
    new dev.tributary.transforms.social.UserParser(),
    new dev.tributary.transforms.gambling.PlayerParser(),
    new dev.tributary.transforms.gambling.GameParser(),
    new dev.tributary.transforms.gambling.SessionParser(),
    new dev.tributary.transforms.gambling.BetParser(),
    new dev.tributary.transforms.gambling.TransactionParser(),
    new dev.tributary.transforms.gambling.EventParser()
  };

  @Property(tries = 500)
  void randomBytesNeverThrow(@ForAll @Size(max = 400) byte[] bytes) {
    RawRecord raw = RawPayloads.decode("f:1", bytes, 0, bytes.length);
    for (RecordParser<?> parser : PARSERS) {
      assertSettled(ParseAttempt.of(parser, raw));
    }
  }

  @Property(tries = 1000)
  void randomJsonNeverThrows(@ForAll("transactionLike") String json) {
    for (RecordParser<?> parser : PARSERS) {
      assertSettled(ParseAttempt.of(parser, new RawRecord("f:1", json)));
    }
  }

  @Property(tries = 1000)
  void randomCsvNeverThrows(@ForAll("orderLike") String csv) {
    RawRecord raw = new RawRecord("f:1", csv);
    assertSettled(ParseAttempt.of(new OrderParser(), raw));
    CsvHeader.check(raw, OrderParser.COLUMNS);
  }

  /** CSV rows of random field values, quoted or not, with stray quotes, commas and line ends. */
  @Provide
  Arbitrary<String> orderLike() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20),
            Arbitraries.of(
                "ORD-1",
                "2",
                "-2",
                "0",
                "999.50",
                "1e400",
                "NaN",
                "12.345",
                "\"",
                "\"\"",
                ",",
                "\r",
                "\n",
                "\u0000",
                "\ufeff",
                "2025-11-01T10:15:30Z",
                "+99999-01-01T00:00:00Z",
                "2025-13-45 25:61",
                "\ud800"),
            Arbitraries.bigDecimals().map(Object::toString));
    return value
        .list()
        .ofMaxSize(13)
        .map(
            fields -> {
              StringBuilder row = new StringBuilder();
              for (int i = 0; i < fields.size(); i++) {
                String field = fields.get(i);
                row.append(i > 0 ? "," : "")
                    .append(i % 3 == 0 ? '"' + field.replace("\"", "\"\"") + '"' : field);
              }
              return row.toString();
            });
  }

  @Property(tries = 300)
  void aFittedDeadLetterFitsAndKeepsTheWholesSizeAndHash(
      @ForAll @Size(max = 3000) String payload, @ForAll boolean binary) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    DeadLetter letter =
        new DeadLetter(
            "f:1",
            "parse-x",
            "reason",
            payload,
            binary ? Base64.getEncoder().encodeToString(bytes) : null,
            null,
            null);
    DeadLetter fitted = letter.fittedTo(1500);
    long size =
        Text.jsonBytes(fitted.source)
            + Text.jsonBytes(fitted.step)
            + Text.jsonBytes(fitted.reason)
            + Text.jsonBytes(fitted.payload)
            + (fitted.payloadBase64 == null ? 0 : fitted.payloadBase64.length());
    assertTrue(size <= 1500 - 200, "fits: " + size);
    if (fitted != letter) {
      assertEquals(binary ? bytes.length : bytes.length, fitted.originalBytes);
      assertNotNull(fitted.originalSha256);
      assertTrue(payload.startsWith(fitted.payload));
    }
  }

  private static void assertSettled(ParseAttempt<?> attempt) {
    if (attempt.isRefused()) {
      assertTrue(attempt.reason().length() <= DeadLetter.MAX_REASON_CHARS + 20);
    } else {
      assertNotNull(attempt.record());
      assertTrue(
          attempt.eventTime().equals(RecordParser.TIMELESS)
              || EventTimeRange.contains(attempt.eventTime()));
    }
  }

  /** JSON objects with the transaction's and account's fields, of random kinds and values. */
  @Provide
  Arbitrary<String> transactionLike() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30).map(HostileInputPropertiesTest::jsonString),
            Arbitraries.of(
                "\"2026-03-02T10:00:00Z\"",
                "\"+99999-01-01T00:00:00Z\"",
                "\"1969-12-31T23:59:59.999Z\"",
                "\"-999999999-01-01T00:00:00Z\"",
                "\"+999999999-12-31T23:59:59Z\"",
                "\"2021-06-30\"",
                "\"EUR\"",
                "\"DE\"",
                "\"POS\"",
                "\"LOW\"",
                "1e999999999",
                "-1e-999999999",
                "12.50",
                "\"12.50\"",
                "null",
                "true",
                "[]",
                "{}",
                "\"\\ud800\"",
                "\"purchase_sword\"",
                "\"user1.comcast.com\"",
                "{\"level\":7}",
                "{\"a\":{\"b\":[1,{\"c\":null}]}}"),
            Arbitraries.bigDecimals().map(Object::toString),
            Arbitraries.longs().map(Object::toString));
    Arbitrary<String> field =
        Arbitraries.of(
            "id",
            "accountId",
            "amount",
            "currency",
            "merchant",
            "merchantCategory",
            "country",
            "channel",
            "eventTime",
            "homeCountry",
            "riskTier",
            "openedOn",
            "request_id",
            "event_type",
            "Host",
            "User-Agent",
            "Accept",
            "timestamp",
            "attributes",
            "bet_id",
            "player_id",
            "game_id",
            "session_id",
            "stake",
            "payout",
            "outcome",
            "placed_at",
            "transaction_id",
            "transaction_type",
            "rtp",
            "device_ids",
            "registration_date",
            "start_time",
            "end_time",
            "post_id",
            "comment_id",
            "user_id",
            "subreddit",
            "score",
            "created_utc");
    return Arbitraries.entries(field, value)
        .list()
        .ofMaxSize(20)
        .map(
            entries -> {
              StringBuilder json = new StringBuilder("{");
              entries.forEach(
                  e ->
                      json.append(json.length() > 1 ? "," : "")
                          .append('"')
                          .append(e.getKey())
                          .append("\":")
                          .append(e.getValue()));
              return json.append('}').toString();
            });
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      json.append(String.format("\\u%04x", (int) c));
    }
    return json.append('"').toString();
  }
}
