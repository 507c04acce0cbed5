package dev.tributary.transforms;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.BigDecimalCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/** TopK: the k largest per window, ties to the smaller key, ranks from 1. */
public class TopKTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final Instant DAY1 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-03-03T00:00:00Z");
  private static final Instant DAY3 = Instant.parse("2026-03-04T00:00:00Z");

  private static TimestampedValue<KV<String, BigDecimal>> value(
      String key, String amount, Instant day) {
    return TimestampedValue.of(
        KV.of(key, new BigDecimal(amount)), day.plus(Duration.standardHours(12)));
  }

  @Test
  public void ranksTheLargestPerWindowWithTiesToTheSmallerKey() {
    PCollection<KV<String, BigDecimal>> totals =
        pipeline
            .apply(
                Create.timestamped(
                        value("b", "50.00", DAY1),
                        value("a", "50.00", DAY1),
                        value("c", "70.00", DAY1),
                        value("d", "10.00", DAY1),
                        value("x", "5.00", DAY2))
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), BigDecimalCoder.of())))
            .apply(Window.into(FixedWindows.of(Duration.standardDays(1))));

    PAssert.that(totals.apply(TopK.of(3)))
        .containsInAnyOrder(
            entry(DAY1, DAY2, 1, "c", "70.00"),
            entry(DAY1, DAY2, 2, "a", "50.00"),
            entry(DAY1, DAY2, 3, "b", "50.00"),
            entry(DAY2, DAY3, 1, "x", "5.00"));
    pipeline.run();
  }

  private static final Schema DAILY =
      TopK.of(3).resultSchema(FixedWindows.of(Duration.standardDays(1)));

  private static Row entry(Instant start, Instant end, int rank, String key, String value) {
    return Row.withSchema(DAILY)
        .addValues(start, end, rank, key, new BigDecimal(value), true)
        .build();
  }

  @Test
  public void ranksPerGroupWithTheGroupAsAField() {
    PCollection<KV<String, KV<String, BigDecimal>>> totals =
        pipeline
            .apply(
                Create.timestamped(
                        TimestampedValue.of(KV.of("slots", KV.of("g1", new BigDecimal("3"))), DAY1),
                        TimestampedValue.of(KV.of("slots", KV.of("g2", new BigDecimal("9"))), DAY1),
                        TimestampedValue.of(KV.of("slots", KV.of("g3", new BigDecimal("1"))), DAY1),
                        TimestampedValue.of(KV.of("poker", KV.of("g4", new BigDecimal("2"))), DAY1),
                        TimestampedValue.of(KV.of("poker", KV.of("g4", new BigDecimal("7"))), DAY2))
                    .withCoder(
                        KvCoder.of(
                            StringUtf8Coder.of(),
                            KvCoder.of(StringUtf8Coder.of(), BigDecimalCoder.of()))))
            .apply(Window.into(FixedWindows.of(Duration.standardDays(1))));

    TopK<KV<String, KV<String, BigDecimal>>> top =
        TopK.perGroup(2).withFieldNames("gameType", "game", "stake");
    Schema schema = top.resultSchema(FixedWindows.of(Duration.standardDays(1)));
    assertEquals(
        List.of("gameType", "windowStart", "windowEnd", "rank", "game", "stake", "isFinal"),
        schema.getFieldNames());
    PAssert.that(totals.apply(top))
        .containsInAnyOrder(
            Row.withSchema(schema)
                .addValues("slots", DAY1, DAY2, 1, "g2", new BigDecimal("9"), true)
                .build(),
            Row.withSchema(schema)
                .addValues("slots", DAY1, DAY2, 2, "g1", new BigDecimal("3"), true)
                .build(),
            Row.withSchema(schema)
                .addValues("poker", DAY1, DAY2, 1, "g4", new BigDecimal("2"), true)
                .build(),
            Row.withSchema(schema)
                .addValues("poker", DAY2, DAY3, 1, "g4", new BigDecimal("7"), true)
                .build());
    pipeline.run();
  }

  @Test
  public void rankingInTheGlobalWindowHasNoWindowFields() {
    PCollection<KV<String, BigDecimal>> totals =
        pipeline.apply(
            Create.of(KV.of("a", new BigDecimal("1")), KV.of("b", new BigDecimal("2")))
                .withCoder(KvCoder.of(StringUtf8Coder.of(), BigDecimalCoder.of())));
    Schema schema = TopK.of(5).resultSchema(totals.getWindowingStrategy().getWindowFn());
    assertEquals(List.of("rank", "key", "value", "isFinal"), schema.getFieldNames());
    PAssert.that(totals.apply(TopK.of(5)))
        .containsInAnyOrder(
            Row.withSchema(schema).addValues(1, "b", new BigDecimal("2"), true).build(),
            Row.withSchema(schema).addValues(2, "a", new BigDecimal("1"), true).build());
    pipeline.run();
  }

  @Test
  public void combinerKeepsTheTopKWhateverTheOrderAndNeverChangesAnAccumulatorInPlace() {
    List<KV<String, BigDecimal>> entries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Values repeat, so ties to the smaller key are exercised.
      entries.add(KV.of(String.format("k%02d", i), BigDecimal.valueOf(i % 7)));
    }
    List<KV<String, BigDecimal>> expected = new ArrayList<>(entries);
    expected.sort(Collections.reverseOrder(new TopK.LargerValueThenSmallerKey()));
    expected = expected.subList(0, 5);

    TopK.TopCombineFn fn = new TopK.TopCombineFn(5);
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(entries, random);
      List<List<KV<String, BigDecimal>>> parts = new ArrayList<>();
      for (int part = 0; part < 3; part++) {
        List<KV<String, BigDecimal>> acc = fn.createAccumulator();
        for (int i = part; i < entries.size(); i += 3) {
          List<KV<String, BigDecimal>> before = List.copyOf(acc);
          List<KV<String, BigDecimal>> after = fn.addInput(acc, entries.get(i));
          assertEquals("the accumulator passed in is unchanged", before, acc);
          acc = after;
        }
        parts.add(acc);
      }
      assertEquals(expected, fn.extractOutput(fn.mergeAccumulators(parts)));
    }
  }
}
