package dev.tributary.transforms.gambling;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * A game of the catalogue: its provider and type, the return to player it declares, its volatility
 * and its betting limits.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Game {
  public final String gameId;

  public final String name;

  public final String provider;

  /**
   * {@code slots}, {@code roulette}, {@code blackjack}, {@code poker}, {@code baccarat} or {@code
   * live}.
   */
  public final String gameType;

  /** The share of stakes it pays back in the long run, four places, e.g. 0.9650. */
  public final BigDecimal declaredRtp;

  /** {@code low}, {@code medium} or {@code high}. */
  public final String volatility;

  public final BigDecimal minBet;

  public final BigDecimal maxBet;

  @SchemaCreate
  public Game(
      String gameId,
      String name,
      String provider,
      String gameType,
      BigDecimal declaredRtp,
      String volatility,
      BigDecimal minBet,
      BigDecimal maxBet) {
    this.gameId = gameId;
    this.name = name;
    this.provider = provider;
    this.gameType = gameType;
    this.declaredRtp = declaredRtp;
    this.volatility = volatility;
    this.minBet = minBet;
    this.maxBet = maxBet;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Game other
        && Objects.equals(gameId, other.gameId)
        && Objects.equals(name, other.name)
        && Objects.equals(provider, other.provider)
        && Objects.equals(gameType, other.gameType)
        && Objects.equals(declaredRtp, other.declaredRtp)
        && Objects.equals(volatility, other.volatility)
        && Objects.equals(minBet, other.minBet)
        && Objects.equals(maxBet, other.maxBet);
  }

  @Override
  public int hashCode() {
    return Objects.hash(gameId, name, provider, gameType, declaredRtp, volatility, minBet, maxBet);
  }

  @Override
  public String toString() {
    return "Game{" + gameId + ", " + name + ", " + provider + ", " + gameType + "}";
  }
}
