package dev.tributary.transforms.banking;

import static dev.tributary.transforms.banking.BankingEvents.HOME_DE;
import static dev.tributary.transforms.banking.BankingEvents.enriched;
import static dev.tributary.transforms.banking.BankingEvents.tx;
import static org.junit.Assert.assertEquals;

import dev.tributary.detect.Alert;
import dev.tributary.detect.AlertAttribute;
import dev.tributary.testing.AssertsLateDataIsDropped;
import dev.tributary.transforms.TributaryMetrics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.testing.UsesTestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/**
 * velocity: at least 5 of an account's transactions in (t - 5 min, t]. The same events give the
 * same alerts sorted and in batch, or late and out of order in streaming, within the lateness.
 */
public class VelocityRuleTest {
  private static final Duration LATENESS = Duration.standardMinutes(5);
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /**
   * Account a1: a burst with a tie at 10:04, a 5th-in-window at 10:05:00 that misses 10:00:00 by
   * the open bound; account a2 quiet.
   */
  static final List<Transaction> EVENTS =
      List.of(
          tx("t0", "a1", "1.00", "DE", "2026-03-02T10:00:00Z"),
          tx("t1", "a1", "2.00", "DE", "2026-03-02T10:01:00Z"),
          tx("t2", "a1", "3.00", "DE", "2026-03-02T10:02:00Z"),
          tx("t3", "a1", "4.00", "DE", "2026-03-02T10:03:00Z"),
          tx("t5", "a1", "6.00", "DE", "2026-03-02T10:04:00Z"),
          tx("t4", "a1", "5.00", "DE", "2026-03-02T10:04:00Z"),
          tx("t6", "a1", "7.00", "DE", "2026-03-02T10:05:00Z"),
          tx("t7", "a1", "8.00", "DE", "2026-03-02T10:09:59.999Z"),
          tx("u0", "a2", "1.00", "DE", "2026-03-02T10:00:00Z"),
          tx("u1", "a2", "1.00", "DE", "2026-03-02T10:04:00Z"));

  static final List<Alert> EXPECTED =
      List.of(
          velocity("t4", "2026-03-02T10:04:00Z", "21.00", "t0", "t1", "t2", "t3", "t5", "t4"),
          velocity("t5", "2026-03-02T10:04:00Z", "21.00", "t0", "t1", "t2", "t3", "t4", "t5"),
          // (10:00:00, 10:05:00] leaves t0 out but still holds t1..t5 and t6 itself.
          velocity("t6", "2026-03-02T10:05:00Z", "27.00", "t1", "t2", "t3", "t4", "t5", "t6"));

  static Alert velocity(String id, String time, String total, String... ids) {
    Instant end = Instant.parse(time);
    return new Alert(
        "velocity:" + id,
        "velocity",
        1,
        "account",
        "a1",
        List.of(ids),
        new BigDecimal(total),
        List.of(new AlertAttribute("count", String.valueOf(ids.length))),
        end.minus(Duration.standardMinutes(5)),
        end,
        "MEDIUM",
        end);
  }

  private static List<TimestampedValue<EnrichedTransaction>> timestamped(List<Transaction> txs) {
    List<TimestampedValue<EnrichedTransaction>> values = new ArrayList<>();
    for (Transaction tx : txs) {
      values.add(TimestampedValue.of(enriched(tx, HOME_DE), tx.eventTime));
    }
    return values;
  }

  private PCollection<Alert> velocityOf(PCollection<EnrichedTransaction> input) {
    return input.apply(VelocityRule.of(5, Duration.standardMinutes(5), LATENESS));
  }

  @Test
  public void batchFindsEveryTransactionWithFiveInItsWindow() {
    PCollection<EnrichedTransaction> input =
        pipeline.apply(Create.timestamped(timestamped(EVENTS)));
    PAssert.that(velocityOf(input)).containsInAnyOrder(EXPECTED);
    pipeline.run();
  }

  @Test
  @Category(UsesTestStream.class)
  public void streamingOutOfOrderAndLateWithinLatenessGivesTheSameAlerts()
      throws NoSuchSchemaException {
    Coder<EnrichedTransaction> coder =
        pipeline.getSchemaRegistry().getSchemaCoder(EnrichedTransaction.class);
    List<TimestampedValue<EnrichedTransaction>> all = timestamped(EVENTS);
    TestStream<EnrichedTransaction> stream =
        TestStream.create(coder)
            // Out of order: the burst's end arrives before its start.
            .addElements(all.get(5), all.get(4), all.get(8))
            .advanceWatermarkTo(Instant.parse("2026-03-02T10:03:30Z"))
            // Late (behind the watermark) but within the allowed lateness.
            .addElements(all.get(0), all.get(2), all.get(1), all.get(3))
            // t0 to t2 are judged here (at t + 5 min), with the whole burst already in the state.
            .advanceWatermarkTo(Instant.parse("2026-03-02T10:07:00Z"))
            .addElements(all.get(9), all.get(6), all.get(7))
            .advanceWatermarkToInfinity();
    PAssert.that(velocityOf(pipeline.apply(stream))).containsInAnyOrder(EXPECTED);
    pipeline.run();
  }

  @Test
  @Category({UsesTestStream.class, AssertsLateDataIsDropped.class})
  public void streamingDropsOnlyWhatIsLaterThanTheLateness() throws NoSuchSchemaException {
    Coder<EnrichedTransaction> coder =
        pipeline.getSchemaRegistry().getSchemaCoder(EnrichedTransaction.class);
    List<TimestampedValue<EnrichedTransaction>> all = timestamped(EVENTS);
    TestStream<EnrichedTransaction> stream =
        TestStream.create(coder)
            // t1 never comes, so t0 is needed for the burst to reach 5.
            .addElements(all.get(2), all.get(3), all.get(4), all.get(5))
            // t2..t4 are judged by 10:09 (t + lateness), without t0: t0 arrives after its time was
            // judged.
            .advanceWatermarkTo(Instant.parse("2026-03-02T10:11:00Z"))
            .addElements(all.get(0))
            .advanceWatermarkToInfinity();
    // Without t0 the burst has 4 transactions up to 10:04: no alert at all (with t0 in time it
    // would).
    PAssert.that(velocityOf(pipeline.apply(stream))).empty();
    pipeline.run();
  }

  @Test
  @Category({UsesTestStream.class, AssertsLateDataIsDropped.class})
  public void aTransactionTooLateToBeJudgedStillCountsInLaterWindows()
      throws NoSuchSchemaException {
    Coder<EnrichedTransaction> coder =
        pipeline.getSchemaRegistry().getSchemaCoder(EnrichedTransaction.class);
    List<TimestampedValue<EnrichedTransaction>> burst =
        timestamped(
            List.of(
                tx("s1", "a1", "1.00", "DE", "2026-03-02T10:01:00Z"),
                tx("s2", "a1", "2.00", "DE", "2026-03-02T10:02:00Z"),
                tx("s3", "a1", "3.00", "DE", "2026-03-02T10:03:00Z"),
                tx("s4", "a1", "4.00", "DE", "2026-03-02T10:04:00Z"),
                tx("x", "a1", "5.00", "DE", "2026-03-02T10:03:30Z"),
                tx("s5", "a1", "6.00", "DE", "2026-03-02T10:05:00Z")));
    TestStream<EnrichedTransaction> stream =
        TestStream.create(coder)
            .addElements(burst.get(0), burst.get(1), burst.get(2), burst.get(3))
            // s1..s4 are judged (4 in a window: no alert) up to 10:04.
            .advanceWatermarkTo(Instant.parse("2026-03-02T10:09:30Z"))
            // x (10:03:30) comes after its time was judged; s5 is on time.
            .addElements(burst.get(4), burst.get(5))
            .advanceWatermarkToInfinity();
    Instant end = Instant.parse("2026-03-02T10:05:00Z");
    PAssert.that(velocityOf(pipeline.apply(stream)))
        .containsInAnyOrder(
            new Alert(
                "velocity:s5",
                "velocity",
                1,
                "account",
                "a1",
                List.of("s1", "s2", "s3", "x", "s4", "s5"),
                new BigDecimal("21.00"),
                List.of(new AlertAttribute("count", "6")),
                end.minus(Duration.standardMinutes(5)),
                end,
                "MEDIUM",
                end));
    PipelineResult result = pipeline.run();
    assertEquals(
        "transactions too late to be judged",
        1,
        TributaryMetrics.counter(TributaryMetrics.of(result), "velocity.lateRecords"));
  }
}
