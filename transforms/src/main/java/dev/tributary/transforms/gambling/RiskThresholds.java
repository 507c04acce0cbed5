package dev.tributary.transforms.gambling;

import java.io.Serializable;
import java.math.BigDecimal;
import org.joda.time.Duration;

/**
 * The gambling risk rules' parameters, shared by the pipeline and the plain-Java model so that both
 * apply the very same definitions. {@link #DEFAULTS} are those of docs/gambling.md, and those the
 * generator's injected cases are made to trip.
 */
public final class RiskThresholds implements Serializable {
  public static final RiskThresholds DEFAULTS =
      new RiskThresholds(
          new BigDecimal("10"),
          50,
          10,
          3,
          Duration.standardHours(24),
          new BigDecimal("0.80"),
          new BigDecimal("0.10"),
          Duration.standardHours(1),
          31,
          Duration.standardSeconds(60));

  /** unusual_bet: a stake over this many times the mean of the player's previous stakes... */
  public final BigDecimal unusualFactor;

  /** ...the last this many of them... */
  public final int unusualHistory;

  /** ...once there are at least this many. */
  public final int unusualMinHistory;

  /** multi_account: at least this many distinct players on one device or one address... */
  public final int sharedPlayers;

  /** ...with sessions starting within this span. */
  public final Duration sharedWithin;

  /** rapid_cashout: a withdrawal of at least this share of a deposit... */
  public final BigDecimal cashoutShare;

  /** ...with the player's stakes between them under this share of the deposit... */
  public final BigDecimal wageredShare;

  /** ...within this long after the deposit. */
  public final Duration cashoutWithin;

  /** session_anomaly: at least this many bets of one session... */
  public final int anomalyBets;

  /** ...within this span. */
  public final Duration anomalyWithin;

  public RiskThresholds(
      BigDecimal unusualFactor,
      int unusualHistory,
      int unusualMinHistory,
      int sharedPlayers,
      Duration sharedWithin,
      BigDecimal cashoutShare,
      BigDecimal wageredShare,
      Duration cashoutWithin,
      int anomalyBets,
      Duration anomalyWithin) {
    this.unusualFactor = unusualFactor;
    this.unusualHistory = unusualHistory;
    this.unusualMinHistory = unusualMinHistory;
    this.sharedPlayers = sharedPlayers;
    this.sharedWithin = sharedWithin;
    this.cashoutShare = cashoutShare;
    this.wageredShare = wageredShare;
    this.cashoutWithin = cashoutWithin;
    this.anomalyBets = anomalyBets;
    this.anomalyWithin = anomalyWithin;
  }

  @Override
  public String toString() {
    return String.format(
        "unusual_bet > %s x mean of last %d (min %d); multi_account >= %d players in %s;"
            + " rapid_cashout >= %s of a deposit within %s, wagered < %s; session_anomaly >= %d bets"
            + " in %s",
        unusualFactor,
        unusualHistory,
        unusualMinHistory,
        sharedPlayers,
        sharedWithin,
        cashoutShare,
        cashoutWithin,
        wageredShare,
        anomalyBets,
        anomalyWithin);
  }
}
