package dev.tributary.transforms.gambling;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import org.apache.beam.sdk.values.Row;
import org.junit.Test;

/**
 * The RTP flag: by the bets' own spread, above or below beyond 3 standard errors, and not before 30
 * bets.
 */
public class CheckRtpTest {
  /** {@code n} bets of stake 1 paying {@code pays} each in turn, against the declared RTP. */
  private static Row check(int n, String declared, String... pays) {
    BigDecimal stakes = BigDecimal.ZERO;
    BigDecimal payouts = BigDecimal.ZERO;
    BigDecimal payoutSquares = BigDecimal.ZERO;
    BigDecimal payoutTimesStake = BigDecimal.ZERO;
    BigDecimal stakeSquares = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      BigDecimal stake = BigDecimal.ONE;
      BigDecimal payout = new BigDecimal(pays[i % pays.length]);
      stakes = stakes.add(stake);
      payouts = payouts.add(payout);
      payoutSquares = payoutSquares.add(payout.multiply(payout));
      payoutTimesStake = payoutTimesStake.add(payout.multiply(stake));
      stakeSquares = stakeSquares.add(stake.multiply(stake));
    }
    return CheckRtp.checked(
        "G1",
        n,
        stakes,
        payouts,
        null,
        new BigDecimal(declared),
        payoutSquares,
        payoutTimesStake,
        stakeSquares,
        true);
  }

  @Test
  public void flagsByTheVolumeSeen() {
    // Pays 2.00 or 0 in turn: observed RTP 1.00 against 0.90. Each bet's P - R S is 1.10 or
    // -0.90, so z = 0.10 n / sqrt(n (1.21 + 0.81) / 2) = 0.0995 sqrt(n): within at 100 bets
    // (z = 1.00), above at 1,000 (z = 3.15).
    assertEquals("within", check(100, "0.90", "2.00", "0").getString("flag"));
    assertEquals(new BigDecimal("1.00"), check(100, "0.90", "2.00", "0").getDecimal("zScore"));
    assertEquals("above", check(1_000, "0.90", "2.00", "0").getString("flag"));
    assertEquals(new BigDecimal("3.15"), check(1_000, "0.90", "2.00", "0").getDecimal("zScore"));
    assertEquals("below", check(1_000, "1.10", "2.00", "0").getString("flag"));
  }

  @Test
  public void fewBetsAreNotJudgedAndAnExactGameHasNoSpread() {
    assertEquals("too_few_bets", check(29, "0.50", "2.00").getString("flag"));
    Row exact = check(40, "0.95", "0.95");
    assertEquals("within", exact.getString("flag"));
    assertEquals(null, exact.getDecimal("zScore"));
  }
}
