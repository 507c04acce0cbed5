package dev.tributary.transforms.gambling;

import dev.tributary.detect.Alert;
import dev.tributary.detect.Detect;
import dev.tributary.detect.DetectionRule;
import dev.tributary.detect.TrailingMeanRule;
import dev.tributary.detect.WindowedCountRule;
import java.util.List;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;

/**
 * The four gambling risk rules over bets, sessions and transactions; their definitions are in
 * {@link RiskThresholds} and docs/gambling.md.
 *
 * <pre>
 *   placed bets  -> unusual_bet (per player: stake over F x the trailing mean)
 *                -> session_anomaly (per session: N bets within 60 s)
 *   sessions     -> multi_account (per device and per address: N players within 24 h)
 *   transactions + stakes -> rapid_cashout (per player: withdrawal soon after a deposit)
 *                                                                        -> alerts
 * </pre>
 */
public class DetectGamblingRisks extends PTransform<PCollection<PlacedBet>, PCollection<Alert>> {
  public static final String UNUSUAL_BET = "unusual_bet";
  public static final String SESSION_ANOMALY = "session_anomaly";
  public static final String MULTI_ACCOUNT = "multi_account";

  private final PCollection<Session> sessions;
  private final PCollection<Transaction> transactions;
  private final RiskThresholds thresholds;
  private final Duration allowedLateness;

  private DetectGamblingRisks(
      PCollection<Session> sessions,
      PCollection<Transaction> transactions,
      RiskThresholds thresholds,
      Duration allowedLateness) {
    this.sessions = sessions;
    this.transactions = transactions;
    this.thresholds = thresholds;
    this.allowedLateness = allowedLateness;
  }

  public static DetectGamblingRisks with(
      PCollection<Session> sessions,
      PCollection<Transaction> transactions,
      RiskThresholds thresholds,
      Duration allowedLateness) {
    return new DetectGamblingRisks(sessions, transactions, thresholds, allowedLateness);
  }

  @Override
  public PCollection<Alert> expand(PCollection<PlacedBet> bets) {
    List<DetectionRule<PlacedBet>> betRules =
        List.of(
            TrailingMeanRule.<PlacedBet>of(
                    UNUSUAL_BET,
                    "player",
                    b -> b.playerId,
                    b -> b.betId,
                    b -> b.placedAt,
                    b -> b.stake)
                .above(
                    thresholds.unusualFactor,
                    thresholds.unusualHistory,
                    thresholds.unusualMinHistory)
                .withAllowedLateness(allowedLateness),
            WindowedCountRule.<PlacedBet>of(
                    SESSION_ANOMALY, "session", b -> b.sessionId, b -> b.betId, b -> b.placedAt)
                .atLeast(thresholds.anomalyBets)
                .within(thresholds.anomalyWithin)
                .summing(b -> b.stake)
                .withAllowedLateness(allowedLateness));
    DetectionRule<Session> multiAccount =
        WindowedCountRule.<Session>ofEach(
                MULTI_ACCOUNT,
                "device_or_ip",
                s -> List.of("device:" + s.deviceId, "ip:" + s.ipAddress),
                s -> s.sessionId,
                s -> s.startedAt)
            .countingDistinct(s -> s.playerId)
            .atLeast(thresholds.sharedPlayers)
            .within(thresholds.sharedWithin)
            .withAllowedLateness(allowedLateness)
            .withSeverity("HIGH", 1);
    return PCollectionList.of(bets.apply("Bet rules", Detect.withRules(betRules)))
        .and(sessions.apply("Session rules", Detect.withRules(List.of(multiAccount))))
        .and(
            transactions.apply(
                "Transaction rules",
                Detect.withRules(
                    List.of(RapidCashoutRule.withStakesOf(bets, thresholds, allowedLateness)))))
        .apply("All alerts", Flatten.pCollections());
  }
}
