package dev.tributary.transforms.gambling;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.AggregateWindows;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import javax.annotation.Nullable;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * Observed RTP per game against its declared RTP, over all bets so far, flagged when it lies more
 * than k standard errors away. With S the stakes, P the payouts and R the declared RTP of n bets,
 * the difference P - R·S is a sum of the bets' own P_i - R·S_i, so its standard error is estimated
 * from the bets themselves, sqrt(sum (P_i - R·S_i)^2), and z = (P - R·S) / that. A game is {@code
 * above} or {@code below} when |z| > k (compared exactly, as squares), {@code within} otherwise,
 * and {@code too_few_bets} under a minimum count. The error shrinks as bets accumulate, so a small
 * deviation over many bets is flagged and a large one over a few is not.
 *
 * <p>Rows: gameId, bets, stakes, payouts, observedRtp, declaredRtp, zScore (2 places; null when
 * every bet paid exactly R times its stake), flag, isFinal.
 */
public class CheckRtp extends PTransform<PCollection<PlacedBet>, PCollection<Row>> {
  public static final String VIEW = "rtp-by-game";

  /** How many standard errors away is flagged. */
  public static final int SIGMAS = 3;

  /** Fewer bets are not judged. */
  public static final int MIN_BETS = 30;

  static final Measures<PlacedBet> MEASURES =
      Measures.<PlacedBet>of()
          .count("bets")
          .sum("stakes", b -> b.stake)
          .sum("payouts", b -> b.payout)
          .ratio("observedRtp", "payouts", "stakes", 4)
          .max("declaredRtp", b -> b.declaredRtp)
          .sum("payoutSquares", b -> b.payout.multiply(b.payout))
          .sum("payoutTimesStake", b -> b.payout.multiply(b.stake))
          .sum("stakeSquares", b -> b.stake.multiply(b.stake));

  static final KeyFields<PlacedBet> KEYS = KeyFields.of("gameId", b -> b.gameId);

  public static final Schema SCHEMA =
      Schema.builder()
          .addStringField("gameId")
          .addInt64Field("bets")
          .addDecimalField("stakes")
          .addDecimalField("payouts")
          .addNullableField("observedRtp", FieldType.DECIMAL)
          .addDecimalField("declaredRtp")
          .addNullableField("zScore", FieldType.DECIMAL)
          .addStringField("flag")
          .addBooleanField("isFinal")
          .build();

  private final Duration earlyFiringsEvery;

  private CheckRtp(Duration earlyFiringsEvery) {
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  public static CheckRtp firingEarlyEvery(Duration earlyFiringsEvery) {
    return new CheckRtp(earlyFiringsEvery);
  }

  @Override
  public PCollection<Row> expand(PCollection<PlacedBet> bets) {
    return bets.apply(
            "Sums per game",
            Aggregate.of(KEYS, MEASURES, AggregateWindows.allTime())
                .withEarlyFiringsEvery(earlyFiringsEvery))
        .apply(
            "Against the declared RTP",
            MapElements.into(TypeDescriptors.rows())
                .via(
                    (Row sums) ->
                        checked(
                            sums.getString("gameId"),
                            sums.getInt64("bets"),
                            sums.getDecimal("stakes"),
                            sums.getDecimal("payouts"),
                            sums.getDecimal("observedRtp"),
                            sums.getDecimal("declaredRtp"),
                            sums.getDecimal("payoutSquares"),
                            sums.getDecimal("payoutTimesStake"),
                            sums.getDecimal("stakeSquares"),
                            sums.getBoolean("isFinal"))))
        .setRowSchema(SCHEMA);
  }

  /** The row of one game from its sums; shared with the model. */
  static Row checked(
      String gameId,
      long bets,
      BigDecimal stakes,
      BigDecimal payouts,
      @Nullable BigDecimal observedRtp,
      BigDecimal declaredRtp,
      BigDecimal payoutSquares,
      BigDecimal payoutTimesStake,
      BigDecimal stakeSquares,
      boolean isFinal) {
    BigDecimal r = declaredRtp;
    BigDecimal difference = payouts.subtract(r.multiply(stakes));
    // sum (P_i - R S_i)^2, expanded
    BigDecimal squares =
        payoutSquares
            .subtract(BigDecimal.valueOf(2).multiply(r).multiply(payoutTimesStake))
            .add(r.multiply(r).multiply(stakeSquares));
    BigDecimal z =
        squares.signum() <= 0
            ? null
            : difference
                .divide(squares.sqrt(MathContext.DECIMAL64), MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_EVEN);
    String flag;
    if (bets < MIN_BETS) {
      flag = "too_few_bets";
    } else if (difference
            .multiply(difference)
            .compareTo(BigDecimal.valueOf((long) SIGMAS * SIGMAS).multiply(squares))
        > 0) {
      flag = difference.signum() > 0 ? "above" : "below";
    } else {
      flag = "within";
    }
    return Row.withSchema(SCHEMA)
        .addValues(gameId, bets, stakes, payouts, observedRtp, declaredRtp, z, flag, isFinal)
        .build();
  }
}
