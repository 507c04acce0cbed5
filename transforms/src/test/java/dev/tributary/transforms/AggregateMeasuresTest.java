package dev.tributary.transforms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.testing.UsesTestStream;
import org.apache.beam.sdk.testing.UsesTestStreamWithProcessingTime;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/**
 * Aggregate's measures beyond banking's: several per key, min, exact distinct counts, ratios of
 * sums, composite keys and the all-time window.
 */
public class AggregateMeasuresTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** A bet, as the gambling domain will have: who played what, for how much, and what came back. */
  record Bet(String provider, String gameType, String player, BigDecimal stake, BigDecimal payout)
      implements Serializable {}

  private static final Instant DAY1 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-03-03T00:00:00Z");

  private static final Measures<Bet> MEASURES =
      Measures.<Bet>of()
          .count("bets")
          .distinctCount("players", bet -> bet.player())
          .sum("stake", Bet::stake)
          .sum("payout", Bet::payout)
          .ratio("rtp", "payout", "stake", 4)
          .min("minStake", Bet::stake)
          .max("maxPayout", Bet::payout);

  private static final KeyFields<Bet> PROVIDER_AND_TYPE =
      KeyFields.of("provider", Bet::provider).and("gameType", Bet::gameType);

  private static TimestampedValue<Bet> bet(
      String provider, String type, String player, String stake, String payout, Instant at) {
    return TimestampedValue.of(
        new Bet(provider, type, player, new BigDecimal(stake), new BigDecimal(payout)), at);
  }

  private static PCollection<Bet> bets(TestPipeline pipeline) {
    return pipeline.apply(
        Create.timestamped(
                bet("acme", "slots", "p1", "10.00", "0.00", DAY1.plus(Duration.standardHours(1))),
                bet("acme", "slots", "p2", "5.00", "12.50", DAY1.plus(Duration.standardHours(2))),
                bet("acme", "slots", "p1", "20.00", "8.00", DAY1.plus(Duration.standardHours(3))),
                bet("acme", "poker", "p3", "0.00", "0.00", DAY1.plus(Duration.standardHours(4))),
                // A provider name holding the separator and the escape stays apart from the others.
                bet("a\u0000b\\", "slots", "p4", "1.00", "3.00", DAY2))
            .withCoder(SerializableCoder.of(Bet.class)));
  }

  @Test
  public void severalMeasuresPerCompositeKeyAndDay() {
    Aggregate<Bet> daily =
        Aggregate.of(PROVIDER_AND_TYPE, MEASURES, AggregateWindows.fixed(Duration.standardDays(1)));
    Schema schema = daily.resultSchema();
    assertEquals(
        List.of(
            "provider",
            "gameType",
            "windowStart",
            "windowEnd",
            "bets",
            "players",
            "stake",
            "payout",
            "rtp",
            "minStake",
            "maxPayout",
            "isFinal"),
        schema.getFieldNames());

    PAssert.that(bets(pipeline).apply(daily))
        .containsInAnyOrder(
            // rtp = 20.50 / 35.00 = 0.585714... -> 0.5857
            row(
                schema, "acme", "slots", DAY1, DAY2, 3L, 2L, "35.00", "20.50", "0.5857", "5.00",
                "12.50"),
            // No stake: the ratio is null rather than a division by zero.
            row(schema, "acme", "poker", DAY1, DAY2, 1L, 1L, "0.00", "0.00", null, "0.00", "0.00"),
            row(
                schema,
                "a\u0000b\\",
                "slots",
                DAY2,
                DAY2.plus(Duration.standardDays(1)),
                1L,
                1L,
                "1.00",
                "3.00",
                "3.0000",
                "1.00",
                "3.00"));
    pipeline.run();
  }

  @Test
  public void allTimeGivesOneRunningTotalPerKeyWithoutWindowFields() {
    Aggregate<Bet> lifetime =
        Aggregate.of(KeyFields.of("player", Bet::player), MEASURES, AggregateWindows.allTime());
    Schema schema = lifetime.resultSchema();
    assertEquals(
        List.of(
            "player",
            "bets",
            "players",
            "stake",
            "payout",
            "rtp",
            "minStake",
            "maxPayout",
            "isFinal"),
        schema.getFieldNames());

    PAssert.that(bets(pipeline).apply(lifetime))
        .containsInAnyOrder(
            row(schema, "p1", null, null, null, 2L, 1L, "30.00", "8.00", "0.2667", "10.00", "8.00"),
            row(schema, "p2", null, null, null, 1L, 1L, "5.00", "12.50", "2.5000", "5.00", "12.50"),
            row(schema, "p3", null, null, null, 1L, 1L, "0.00", "0.00", null, "0.00", "0.00"),
            row(schema, "p4", null, null, null, 1L, 1L, "1.00", "3.00", "3.0000", "1.00", "3.00"));
    pipeline.run();
  }

  @Test
  @Category({UsesTestStream.class, UsesTestStreamWithProcessingTime.class})
  public void allTimeInStreamingGivesEarlyPanesThenOneFinalPaneWhenTheStreamEnds() {
    Measures<Bet> stakes = Measures.<Bet>of().count("bets").sum("stake", Bet::stake);
    Aggregate<Bet> lifetime =
        Aggregate.of(KeyFields.of("player", Bet::player), stakes, AggregateWindows.allTime())
            .withEarlyFiringsEvery(Duration.standardMinutes(1));
    TestStream<Bet> stream =
        TestStream.create(SerializableCoder.of(Bet.class))
            .advanceWatermarkTo(DAY1)
            .addElements(bet("acme", "slots", "p1", "10.00", "0.00", DAY1))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .addElements(bet("acme", "slots", "p1", "5.00", "0.00", DAY2))
            .advanceWatermarkTo(DAY2.plus(Duration.standardDays(30)))
            .addElements(bet("acme", "slots", "p1", "1.00", "0.00", DAY1))
            .advanceWatermarkToInfinity();
    PCollection<Row> results = pipeline.apply(stream).apply(lifetime);
    Schema schema = lifetime.resultSchema();

    PAssert.that(results)
        .inEarlyPane(GlobalWindow.INSTANCE)
        .containsInAnyOrder(
            Row.withSchema(schema).addValues("p1", 1L, new BigDecimal("10.00"), false).build());
    // No record is ever late for all time: the one from day 1 that came after a month counts.
    PAssert.that(results)
        .inFinalPane(GlobalWindow.INSTANCE)
        .containsInAnyOrder(
            Row.withSchema(schema).addValues("p1", 3L, new BigDecimal("16.00"), true).build());
    pipeline.run();
  }

  @Test
  public void aRatioNeedsTwoCountsOrSumsDefinedBefore() {
    Measures<Bet> base = Measures.<Bet>of().sum("stake", Bet::stake).max("max", Bet::stake);
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> base.ratio("r", "payout", "stake", 2));
    assertEquals(
        "ratio 'r' names 'payout', which is not a measure defined before it", missing.getMessage());
    IllegalArgumentException ofMax =
        assertThrows(IllegalArgumentException.class, () -> base.ratio("r", "max", "stake", 2));
    assertEquals(
        "ratio 'r' needs a count, sum or distinct count, but 'max' is a max", ofMax.getMessage());
    assertThrows(IllegalArgumentException.class, () -> base.count("stake"));
  }

  @Test
  public void compositeKeysRoundTripWhateverTheyHold() {
    KeyFields<String[]> keys = KeyFields.of("a", (String[] r) -> r[0]).and("b", r -> r[1]);
    String[][] cases = {
      {"x", "y"}, {"", ""}, {"\\", "0"}, {"\u0000", "\\0"}, {"a\\\u0000", "\u0000\u0000"}
    };
    List<String> seen = new ArrayList<>();
    for (String[] parts : cases) {
      String key = keys.keyOf(parts);
      List<Object> back = new ArrayList<>();
      keys.addParts(key, back);
      assertEquals(List.of(parts[0], parts[1]), back);
      seen.add(key);
    }
    assertEquals("distinct keys stay distinct", cases.length, seen.stream().distinct().count());
  }

  private static Row row(
      Schema schema,
      String k1,
      String k2,
      Instant start,
      Instant end,
      long bets,
      long players,
      String stake,
      String payout,
      String rtp,
      String minStake,
      String maxPayout) {
    List<Object> values = new ArrayList<>();
    values.add(k1);
    if (k2 != null) {
      values.add(k2);
    }
    if (start != null) {
      values.add(start);
      values.add(end);
    }
    values.add(bets);
    values.add(players);
    values.add(new BigDecimal(stake));
    values.add(new BigDecimal(payout));
    values.add(rtp == null ? null : new BigDecimal(rtp));
    values.add(new BigDecimal(minStake));
    values.add(new BigDecimal(maxPayout));
    values.add(true);
    return Row.withSchema(schema).addValues(values).build();
  }
}
