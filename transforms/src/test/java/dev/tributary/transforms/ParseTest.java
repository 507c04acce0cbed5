package dev.tributary.transforms;

import dev.tributary.transforms.banking.Transaction;
import dev.tributary.transforms.banking.TransactionParser;
import java.math.BigDecimal;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/** Parse: typed records timestamped by event time, and every refused payload as a dead letter. */
public class ParseTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  static String tx(String id, String amount, String time) {
    return "{\"id\":\""
        + id
        + "\",\"accountId\":\"a1\",\"amount\":"
        + amount
        + ",\"currency\":\"EUR\",\"merchant\":\"m\","
        + "\"merchantCategory\":\"grocery\",\"country\":\"DE\",\"channel\":\"POS\",\"eventTime\":\""
        + time
        + "\"}";
  }

  @Test
  public void parsesGoodRecordsAndDeadLettersTheRest() {
    PCollection<RawRecord> raw =
        pipeline.apply(
            Create.of(
                new RawRecord("f:1", tx("t1", "10.00", "2026-03-02T10:00:00Z")),
                new RawRecord("f:2", tx("t2", "-3", "2026-03-02T10:01:00Z")),
                new RawRecord("f:3", "{oops"),
                new RawRecord("f:4", tx("t4", "99.99", "2026-03-02T10:02:00Z")),
                new RawRecord("f:5", tx("t5", "1.00", "+300000-01-01T00:00:00Z"))));

    WithFailures.Result<PCollection<Transaction>, DeadLetter> result =
        raw.apply(Parse.of("transactions", new TransactionParser()));

    PAssert.that(result.output().apply(Reify.timestamps()))
        .containsInAnyOrder(
            TimestampedValue.of(
                new Transaction(
                    "t1",
                    "a1",
                    new BigDecimal("10.00"),
                    "EUR",
                    "m",
                    "grocery",
                    "DE",
                    "POS",
                    Instant.parse("2026-03-02T10:00:00Z")),
                Instant.parse("2026-03-02T10:00:00Z")),
            TimestampedValue.of(
                new Transaction(
                    "t4",
                    "a1",
                    new BigDecimal("99.99"),
                    "EUR",
                    "m",
                    "grocery",
                    "DE",
                    "POS",
                    Instant.parse("2026-03-02T10:02:00Z")),
                Instant.parse("2026-03-02T10:02:00Z")));
    PAssert.that(result.failures())
        .containsInAnyOrder(
            new DeadLetter(
                "f:2",
                "parse-transactions",
                "field 'amount' must be greater than 0, got '-3'",
                tx("t2", "-3", "2026-03-02T10:01:00Z")),
            new DeadLetter(
                "f:3",
                "parse-transactions",
                "malformed JSON: Unexpected character ('o' (code 111)): was expecting double-quote to start field name",
                "{oops"),
            new DeadLetter(
                "f:5",
                "parse-transactions",
                "field 'eventTime' is outside the accepted range 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z: '+300000-01-01T00:00:00Z'",
                tx("t5", "1.00", "+300000-01-01T00:00:00Z")));
    pipeline.run();
  }
}
