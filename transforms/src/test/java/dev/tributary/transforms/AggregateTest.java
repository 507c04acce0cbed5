package dev.tributary.transforms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.tributary.testing.AssertsLateDataIsDropped;
import java.math.BigDecimal;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.BigDecimalCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.testing.UsesTestStream;
import org.apache.beam.sdk.testing.UsesTestStreamWithProcessingTime;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/** Aggregate: exact statistics per key per UTC hour; early panes, then exactly one final pane. */
public class AggregateTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");
  private static final Instant TWELVE = Instant.parse("2026-03-02T12:00:00Z");
  private static final IntervalWindow TEN_TO_ELEVEN = new IntervalWindow(TEN, ELEVEN);
  private static final IntervalWindow ELEVEN_TO_TWELVE = new IntervalWindow(ELEVEN, TWELVE);

  /** Key = the amount's integer part parity, to have two keys without a record type. */
  private static final Measures<BigDecimal> STATISTICS =
      Measures.<BigDecimal>of()
          .count("count")
          .sum("sum", amount -> amount)
          .ratio("mean", "sum", "count", 2)
          .max("max", amount -> amount);

  private static final KeyFields<BigDecimal> PARITY =
      KeyFields.of("key", (BigDecimal amount) -> amount.intValue() % 2 == 0 ? "even" : "odd");

  private static Aggregate<BigDecimal> hourly() {
    return Aggregate.of(PARITY, STATISTICS, AggregateWindows.fixed(Duration.standardHours(1)))
        .withAllowedLateness(Duration.standardMinutes(10))
        .withEarlyFiringsEvery(Duration.standardMinutes(1));
  }

  private static TimestampedValue<BigDecimal> at(String amount, String time) {
    return TimestampedValue.of(new BigDecimal(amount), Instant.parse(time));
  }

  private static final Schema SCHEMA = hourly().resultSchema();

  private static Row result(
      String key, Instant start, long count, String sum, String mean, String max, boolean isFinal) {
    return Row.withSchema(SCHEMA)
        .addValues(
            key,
            start,
            start.plus(Duration.standardHours(1)),
            count,
            new BigDecimal(sum),
            new BigDecimal(mean),
            new BigDecimal(max),
            isFinal)
        .build();
  }

  @Test
  public void batchGivesOneFinalResultPerKeyAndHour() {
    PCollection<BigDecimal> amounts =
        pipeline.apply(
            Create.timestamped(
                    at("2.00", "2026-03-02T10:00:00Z"),
                    at("4.01", "2026-03-02T10:59:59.999Z"),
                    at("4.00", "2026-03-02T10:30:00Z"),
                    at("1.00", "2026-03-02T10:10:00Z"),
                    at("6.50", "2026-03-02T11:00:00Z"))
                .withCoder(BigDecimalCoder.of()));
    PAssert.that(amounts.apply(hourly()))
        .containsInAnyOrder(
            // (2.00 + 4.01 + 4.00) / 3 = 3.336666... -> 3.34
            result("even", TEN, 3, "10.01", "3.34", "4.01", true),
            result("odd", TEN, 1, "1.00", "1.00", "1.00", true),
            result("even", ELEVEN, 1, "6.50", "6.50", "6.50", true));
    pipeline.run();
  }

  @Test
  @Category({
    UsesTestStream.class,
    UsesTestStreamWithProcessingTime.class,
    AssertsLateDataIsDropped.class
  })
  public void streamingGivesEarlyPanesThenOneFinalPaneWithLateData() {
    assertEarlyPanesThenOneFinalPaneWithLateData(hourly());
  }

  @Test
  @Category({
    UsesTestStream.class,
    UsesTestStreamWithProcessingTime.class,
    AssertsLateDataIsDropped.class
  })
  public void streamingWithoutCombiningBeforeShuffleGivesTheSamePanes() {
    assertEarlyPanesThenOneFinalPaneWithLateData(hourly().withoutCombiningBeforeShuffle());
  }

  private void assertEarlyPanesThenOneFinalPaneWithLateData(Aggregate<BigDecimal> aggregate) {
    TestStream<BigDecimal> stream =
        TestStream.create(BigDecimalCoder.of())
            .advanceWatermarkTo(TEN)
            .addElements(at("2.00", "2026-03-02T10:00:10Z"), at("4.00", "2026-03-02T10:00:20Z"))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .addElements(at("6.00", "2026-03-02T10:30:00Z"))
            .advanceWatermarkTo(ELEVEN.plus(Duration.standardMinutes(1)))
            // Late, within the 10 minutes of lateness: no pane of its own, but in the final one.
            .addElements(at("8.00", "2026-03-02T10:59:00Z"))
            .advanceWatermarkTo(ELEVEN.plus(Duration.standardMinutes(20)))
            // Later than the lateness: dropped.
            .addElements(at("10.00", "2026-03-02T10:01:00Z"))
            .advanceWatermarkToInfinity();
    PCollection<Row> results = pipeline.apply(stream).apply(aggregate);

    PAssert.that(results)
        .inEarlyPane(TEN_TO_ELEVEN)
        .containsInAnyOrder(result("even", TEN, 2, "6.00", "3.00", "4.00", false));
    PAssert.that(results)
        .inOnTimePane(TEN_TO_ELEVEN)
        .containsInAnyOrder(result("even", TEN, 3, "12.00", "4.00", "6.00", false));
    PAssert.that(results)
        .inFinalPane(TEN_TO_ELEVEN)
        .containsInAnyOrder(result("even", TEN, 4, "20.00", "5.00", "8.00", true));
    PipelineResult run = pipeline.run();
    assertEquals(
        "records later than the lateness",
        1,
        TributaryMetrics.counter(TributaryMetrics.of(run), "aggregate.lateRecords"));
  }

  @Test
  @Category({UsesTestStream.class, UsesTestStreamWithProcessingTime.class})
  public void streamingKeepsTheWindowsOfAKeyApartWhileSeveralAreOpen() {
    // The lateness is longer than a window, so an hour is still open for late records while the
    // next one fires.
    Duration lateness = Duration.standardMinutes(90);
    TestStream<BigDecimal> stream =
        TestStream.create(BigDecimalCoder.of())
            .advanceWatermarkTo(TEN)
            .addElements(at("2.00", "2026-03-02T10:10:00Z"))
            .advanceWatermarkTo(ELEVEN.plus(Duration.standardMinutes(5)))
            .addElements(at("4.00", "2026-03-02T11:20:00Z"), at("6.00", "2026-03-02T10:30:00Z"))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .advanceWatermarkTo(TWELVE.plus(Duration.standardMinutes(5)))
            .addElements(at("8.00", "2026-03-02T11:59:00Z"))
            // Ten to eleven closes at 12:30, eleven to twelve at 13:30.
            .advanceWatermarkTo(TWELVE.plus(Duration.standardMinutes(31)))
            .advanceWatermarkToInfinity();
    PCollection<Row> results = pipeline.apply(stream).apply(hourly().withAllowedLateness(lateness));

    // Ten to eleven: no early pane (its first record came before any processing time passed, its
    // on-time pane before the two minutes did), then the late 6.00 in its final pane only.
    PAssert.that(results).inEarlyPane(TEN_TO_ELEVEN).empty();
    PAssert.that(results)
        .inOnTimePane(TEN_TO_ELEVEN)
        .containsInAnyOrder(result("even", TEN, 1, "2.00", "2.00", "2.00", false));
    PAssert.that(results)
        .inFinalPane(TEN_TO_ELEVEN)
        .containsInAnyOrder(result("even", TEN, 2, "8.00", "4.00", "6.00", true));
    // Eleven to twelve: an early pane, then no on-time pane (nothing came since the early one),
    // then the final pane.
    PAssert.that(results)
        .inEarlyPane(ELEVEN_TO_TWELVE)
        .containsInAnyOrder(result("even", ELEVEN, 1, "4.00", "4.00", "4.00", false));
    PAssert.that(results).inOnTimePane(ELEVEN_TO_TWELVE).empty();
    PAssert.that(results)
        .inFinalPane(ELEVEN_TO_TWELVE)
        .containsInAnyOrder(result("even", ELEVEN, 2, "12.00", "6.00", "8.00", true));
    // Every pane has its window's last instant as its timestamp, as Beam's windowing gives it.
    PAssert.that(results.apply("With timestamps", Reify.timestamps()))
        .inFinalPane(ELEVEN_TO_TWELVE)
        .containsInAnyOrder(
            TimestampedValue.of(
                result("even", ELEVEN, 2, "12.00", "6.00", "8.00", true),
                TWELVE.minus(Duration.millis(1))));
    pipeline.run();
  }

  @Test
  @Category({UsesTestStream.class, UsesTestStreamWithProcessingTime.class})
  public void streamingSkipsTheOnTimePaneOfAWindowWithNothingSinceItsLastEarlyPane() {
    TestStream<BigDecimal> stream =
        TestStream.create(BigDecimalCoder.of())
            .advanceWatermarkTo(TEN)
            .addElements(at("2.00", "2026-03-02T10:10:00Z"), at("1.00", "2026-03-02T10:20:00Z"))
            .advanceProcessingTime(Duration.standardMinutes(2))
            // "odd" gets a record after its early pane, "even" does not.
            .addElements(at("3.00", "2026-03-02T10:50:00Z"))
            .advanceWatermarkTo(ELEVEN.plus(Duration.standardMinutes(1)))
            .advanceWatermarkToInfinity();
    PCollection<Row> results = pipeline.apply(stream).apply(hourly());

    PAssert.that(results)
        .inEarlyPane(TEN_TO_ELEVEN)
        .containsInAnyOrder(
            result("even", TEN, 1, "2.00", "2.00", "2.00", false),
            result("odd", TEN, 1, "1.00", "1.00", "1.00", false));
    PAssert.that(results)
        .inOnTimePane(TEN_TO_ELEVEN)
        .containsInAnyOrder(result("odd", TEN, 2, "4.00", "2.00", "3.00", false));
    // Every window still gets its final pane, which is the one a consumer of final results waits
    // for.
    PAssert.that(results)
        .inFinalPane(TEN_TO_ELEVEN)
        .containsInAnyOrder(
            result("even", TEN, 1, "2.00", "2.00", "2.00", true),
            result("odd", TEN, 2, "4.00", "2.00", "3.00", true));
    PAssert.that(results)
        .containsInAnyOrder(
            result("even", TEN, 1, "2.00", "2.00", "2.00", false),
            result("odd", TEN, 1, "1.00", "1.00", "1.00", false),
            result("odd", TEN, 2, "4.00", "2.00", "3.00", false),
            result("even", TEN, 1, "2.00", "2.00", "2.00", true),
            result("odd", TEN, 2, "4.00", "2.00", "3.00", true));
    pipeline.run();
  }

  @Test
  @Category(UsesTestStream.class)
  public void streamingWithoutLatenessGivesTheOnTimePaneAsTheFinalOne() {
    TestStream<BigDecimal> stream =
        TestStream.create(BigDecimalCoder.of())
            .addElements(at("2.00", "2026-03-02T10:10:00Z"), at("3.00", "2026-03-02T10:20:00Z"))
            .advanceWatermarkTo(ELEVEN.plus(Duration.standardMinutes(5)))
            .advanceWatermarkToInfinity();
    PCollection<Row> results =
        pipeline.apply(stream).apply(hourly().withAllowedLateness(Duration.ZERO));

    PAssert.that(results)
        .inOnTimePane(TEN_TO_ELEVEN)
        .containsInAnyOrder(
            result("even", TEN, 1, "2.00", "2.00", "2.00", true),
            result("odd", TEN, 1, "3.00", "3.00", "3.00", true));
    PAssert.that(results)
        .inFinalPane(TEN_TO_ELEVEN)
        .containsInAnyOrder(
            result("even", TEN, 1, "2.00", "2.00", "2.00", true),
            result("odd", TEN, 1, "3.00", "3.00", "3.00", true));
    pipeline.run();
  }

  @Test
  @Category(UsesTestStream.class)
  public void streamingFinalPaneEqualsBatchResult() {
    TestStream<BigDecimal> stream =
        TestStream.create(BigDecimalCoder.of())
            .addElements(at("4.00", "2026-03-02T10:30:00Z"))
            .advanceWatermarkTo(ELEVEN.plus(Duration.standardMinutes(5)))
            .addElements(at("2.00", "2026-03-02T10:00:00Z"), at("1.00", "2026-03-02T10:10:00Z"))
            .advanceWatermarkToInfinity();
    PCollection<Row> results = pipeline.apply(stream).apply(hourly());
    PAssert.that(results)
        .inFinalPane(TEN_TO_ELEVEN)
        .containsInAnyOrder(
            result("even", TEN, 2, "6.00", "3.00", "4.00", true),
            result("odd", TEN, 1, "1.00", "1.00", "1.00", true));
    pipeline.run();
  }

  @Test
  @Category({UsesTestStream.class, UsesTestStreamWithProcessingTime.class})
  public void finalPanesOnlyGivesNoEarlyOrOnTimePanes() {
    TestStream<BigDecimal> stream =
        TestStream.create(BigDecimalCoder.of())
            .advanceWatermarkTo(TEN)
            .addElements(at("2.00", "2026-03-02T10:00:10Z"), at("4.00", "2026-03-02T10:00:20Z"))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .advanceWatermarkTo(ELEVEN.plus(Duration.standardMinutes(1)))
            // Late, within the 10 minutes of lateness: in the final pane.
            .addElements(at("8.00", "2026-03-02T10:59:00Z"))
            .advanceWatermarkToInfinity();
    PCollection<Row> results = pipeline.apply(stream).apply(hourly().finalPanesOnly());

    // The whole output: one result, the final pane, although processing time passed the
    // early-firing delay.
    PAssert.that(results).containsInAnyOrder(result("even", TEN, 3, "14.00", "4.67", "8.00", true));
    pipeline.run();
  }

  @Test
  public void earlyPanesOfKeysThatStartTogetherAreSpreadOverAnInterval() {
    Duration every = Duration.standardMinutes(1);
    int[] perTenSeconds = new int[6];
    for (int i = 0; i < 6_000; i++) {
      long delay =
          AggregateInKeyedState.earlyPaneDelay(every, String.format("acc-%05d", i), TEN)
              .getMillis();
      assertTrue("delay " + delay, delay >= 30_000 && delay < 90_000);
      perTenSeconds[(int) ((delay - 30_000) / 10_000)]++;
    }
    // Each 10 s of the minute from half an interval to one and a half holds about a sixth of the
    // keys.
    for (int keys : perTenSeconds) {
      assertTrue(
          "keys per 10 s: " + java.util.Arrays.toString(perTenSeconds), keys > 900 && keys < 1_100);
    }
    // Fixed per key and window, so that a key's panes keep their rhythm.
    assertEquals(
        AggregateInKeyedState.earlyPaneDelay(every, "acc-00001", TEN),
        AggregateInKeyedState.earlyPaneDelay(every, "acc-00001", TEN));
  }
}
