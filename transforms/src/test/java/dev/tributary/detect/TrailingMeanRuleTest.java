package dev.tributary.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
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
 * The trailing-mean rule: strictly over F times the mean, a minimum history, only the last N count,
 * and the same alerts whatever order the records come in within the lateness.
 */
public class TrailingMeanRuleTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** A stake of a player. */
  record Stake(String id, String player, BigDecimal amount, Instant at) implements Serializable {}

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  private static Stake stake(String id, String player, String amount, int minute) {
    return new Stake(id, player, new BigDecimal(amount), T0.plus(Duration.standardMinutes(minute)));
  }

  private static List<Stake> stakes() {
    List<Stake> stakes = new ArrayList<>();
    for (int m = 1; m <= 10; m++) {
      stakes.add(stake("a" + m, "a", "10.00", m));
    }
    // Exactly 10 times the mean of ten: not over it.
    stakes.add(stake("a11", "a", "100.00", 11));
    // 200 > 10 x 200/11 = 181.82: an alert.
    stakes.add(stake("a12", "a", "200.00", 12));
    // Only nine before it: too little history.
    for (int m = 1; m <= 9; m++) {
      stakes.add(stake("b" + m, "b", "1.00", m));
    }
    stakes.add(stake("b10", "b", "50.00", 10));
    // Over 10 times the last three (1, 1, 1), not the last four (100, 1, 1, 1); with the last three
    // a11 (100 = 10 x 10) and a12 (200 < 10 x 40) are not.
    stakes.add(stake("c1", "c", "100.00", 1));
    stakes.add(stake("c2", "c", "1.00", 2));
    stakes.add(stake("c3", "c", "1.00", 3));
    stakes.add(stake("c4", "c", "1.00", 4));
    stakes.add(stake("c5", "c", "15.00", 5));
    return stakes;
  }

  private static TrailingMeanRule<Stake> rule(int history, int minHistory) {
    return TrailingMeanRule.<Stake>of(
            "unusual", "player", Stake::player, Stake::id, Stake::at, Stake::amount)
        .above(BigDecimal.TEN, history, minHistory)
        .withAllowedLateness(Duration.standardHours(1));
  }

  private static Alert alert(
      String id, String player, String amount, int minute, String mean, int history, int from) {
    Instant at = T0.plus(Duration.standardMinutes(minute));
    return new Alert(
        "unusual:" + id,
        "unusual",
        1,
        "player",
        player,
        List.of(id),
        new BigDecimal(amount),
        List.of(
            new AlertAttribute("trailingMean", mean),
            new AlertAttribute("history", String.valueOf(history))),
        T0.plus(Duration.standardMinutes(from)),
        at,
        "MEDIUM",
        at);
  }

  private PCollection<Stake> batch(String name) {
    return pipeline.apply(
        name,
        Create.timestamped(stakes().stream().map(s -> TimestampedValue.of(s, s.at())).toList())
            .withCoder(SerializableCoder.of(Stake.class)));
  }

  @Test
  public void alertsOnlyStrictlyOverTheMeanOfEnoughHistory() {
    PAssert.that(batch("Stakes").apply("Last 50", rule(50, 10)))
        .containsInAnyOrder(alert("a12", "a", "200.00", 12, "18.18", 11, 1));
    PAssert.that(batch("Stakes again").apply("Last 3", rule(3, 2)))
        .containsInAnyOrder(
            alert("b10", "b", "50.00", 10, "1.00", 3, 7),
            alert("c5", "c", "15.00", 5, "1.00", 3, 2));
    pipeline.run();
  }

  @Test
  @Category(UsesTestStream.class)
  public void streamingOutOfOrderWithinTheLatenessGivesTheSameAlerts() {
    List<Stake> stakes = stakes();
    TestStream.Builder<Stake> stream =
        TestStream.create(SerializableCoder.of(Stake.class)).advanceWatermarkTo(T0);
    for (int i = stakes.size() - 1; i >= 0; i--) {
      stream = stream.addElements(TimestampedValue.of(stakes.get(i), stakes.get(i).at()));
    }
    PCollection<Alert> alerts =
        pipeline.apply(stream.advanceWatermarkToInfinity()).apply(rule(50, 10));
    PAssert.that(alerts).containsInAnyOrder(alert("a12", "a", "200.00", 12, "18.18", 11, 1));
    pipeline.run();
  }
}
