package dev.tributary.transforms.gambling;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** One line of a player's ledger: a completed transaction or a bet, as amounts by kind. */
@DefaultSchema(JavaFieldSchema.class)
public final class PlayerMoney {
  public final String playerId;
  public final BigDecimal deposited;
  public final BigDecimal withdrawn;
  public final BigDecimal bonus;
  public final BigDecimal staked;
  public final BigDecimal paidOut;

  @SchemaCreate
  public PlayerMoney(
      String playerId,
      BigDecimal deposited,
      BigDecimal withdrawn,
      BigDecimal bonus,
      BigDecimal staked,
      BigDecimal paidOut) {
    this.playerId = playerId;
    this.deposited = deposited;
    this.withdrawn = withdrawn;
    this.bonus = bonus;
    this.staked = staked;
    this.paidOut = paidOut;
  }

  static PlayerMoney of(PlacedBet bet) {
    return new PlayerMoney(
        bet.playerId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, bet.stake, bet.payout);
  }

  /** A completed transaction's line. */
  static PlayerMoney of(Transaction t) {
    BigDecimal zero = BigDecimal.ZERO;
    return new PlayerMoney(
        t.playerId,
        t.type.equals("deposit") ? t.amount : zero,
        t.type.equals("withdrawal") ? t.amount : zero,
        t.type.equals("bonus") ? t.amount : zero,
        zero,
        zero);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlayerMoney m
        && playerId.equals(m.playerId)
        && deposited.equals(m.deposited)
        && withdrawn.equals(m.withdrawn)
        && bonus.equals(m.bonus)
        && staked.equals(m.staked)
        && paidOut.equals(m.paidOut);
  }

  @Override
  public int hashCode() {
    return Objects.hash(playerId, deposited, withdrawn, bonus, staked, paidOut);
  }
}
