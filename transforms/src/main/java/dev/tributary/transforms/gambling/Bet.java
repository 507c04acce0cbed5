package dev.tributary.transforms.gambling;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * One wager: who placed it, on which game, in which session, the stake, the payout and the outcome.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Bet {
  public final String betId;

  public final String playerId;

  public final String gameId;

  public final String sessionId;

  /** Two places, greater than 0. */
  public final BigDecimal stake;

  /** Two places, 0 for a loss. */
  public final BigDecimal payout;

  /** {@code win}, {@code loss} or {@code push}. */
  public final String outcome;

  /** The event time. */
  public final Instant placedAt;

  @SchemaCreate
  public Bet(
      String betId,
      String playerId,
      String gameId,
      String sessionId,
      BigDecimal stake,
      BigDecimal payout,
      String outcome,
      Instant placedAt) {
    this.betId = betId;
    this.playerId = playerId;
    this.gameId = gameId;
    this.sessionId = sessionId;
    this.stake = stake;
    this.payout = payout;
    this.outcome = outcome;
    this.placedAt = placedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bet other
        && Objects.equals(betId, other.betId)
        && Objects.equals(playerId, other.playerId)
        && Objects.equals(gameId, other.gameId)
        && Objects.equals(sessionId, other.sessionId)
        && Objects.equals(stake, other.stake)
        && Objects.equals(payout, other.payout)
        && Objects.equals(outcome, other.outcome)
        && Objects.equals(placedAt, other.placedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(betId, playerId, gameId, sessionId, stake, payout, outcome, placedAt);
  }

  @Override
  public String toString() {
    return "Bet{" + betId + ", " + playerId + ", " + gameId + ", " + sessionId + "}";
  }
}
