package dev.tributary.transforms.gambling;

import java.math.BigDecimal;
import java.util.Set;

/** What the gambling parsers accept, in one place. */
final class GamblingLimits {
  /** The largest amount of money: a balance, a stake, a payout, a deposit. */
  static final BigDecimal MAX_MONEY = new BigDecimal("1000000000.00");

  /** The largest declared return to player: a game may promise more than it takes, not double. */
  static final BigDecimal MAX_RTP = new BigDecimal("2.0000");

  static final Set<String> KYC_STATUSES = Set.of("pending", "verified", "rejected");
  static final Set<String> VIP_TIERS = Set.of("bronze", "silver", "gold", "platinum");
  static final Set<String> GAME_TYPES =
      Set.of("slots", "roulette", "blackjack", "poker", "baccarat", "live");
  static final Set<String> VOLATILITIES = Set.of("low", "medium", "high");
  static final Set<String> OUTCOMES = Set.of("win", "loss", "push");
  static final Set<String> PLATFORMS = Set.of("mobile", "desktop");
  static final Set<String> TRANSACTION_TYPES = Set.of("deposit", "withdrawal", "bonus");
  static final Set<String> TRANSACTION_STATUSES = Set.of("completed", "pending", "failed");
  static final Set<String> EVENT_CATEGORIES = Set.of("analytics", "audit");

  private GamblingLimits() {}
}
