package dev.tributary.transforms.gambling;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A bet with what the catalogue says of its game: the provider, the game type, the declared RTP.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class PlacedBet {
  public final String betId;
  public final String playerId;
  public final String gameId;
  public final String sessionId;
  public final String provider;
  public final String gameType;
  public final BigDecimal declaredRtp;
  public final BigDecimal stake;
  public final BigDecimal payout;
  public final Instant placedAt;

  @SchemaCreate
  public PlacedBet(
      String betId,
      String playerId,
      String gameId,
      String sessionId,
      String provider,
      String gameType,
      BigDecimal declaredRtp,
      BigDecimal stake,
      BigDecimal payout,
      Instant placedAt) {
    this.betId = betId;
    this.playerId = playerId;
    this.gameId = gameId;
    this.sessionId = sessionId;
    this.provider = provider;
    this.gameType = gameType;
    this.declaredRtp = declaredRtp;
    this.stake = stake;
    this.payout = payout;
    this.placedAt = placedAt;
  }

  /** The bet on {@code game}. */
  public static PlacedBet of(Bet bet, Game game) {
    return new PlacedBet(
        bet.betId,
        bet.playerId,
        bet.gameId,
        bet.sessionId,
        game.provider,
        game.gameType,
        game.declaredRtp,
        bet.stake,
        bet.payout,
        bet.placedAt);
  }

  /** What the house keeps of this bet: the stake less the payout (negative for a win). */
  public BigDecimal grossGamingRevenue() {
    return stake.subtract(payout);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlacedBet other
        && betId.equals(other.betId)
        && playerId.equals(other.playerId)
        && gameId.equals(other.gameId)
        && sessionId.equals(other.sessionId)
        && provider.equals(other.provider)
        && gameType.equals(other.gameType)
        && declaredRtp.equals(other.declaredRtp)
        && stake.equals(other.stake)
        && payout.equals(other.payout)
        && placedAt.equals(other.placedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(betId, placedAt);
  }

  @Override
  public String toString() {
    return "PlacedBet{" + betId + ", " + gameId + ", " + stake + " -> " + payout + "}";
  }
}
