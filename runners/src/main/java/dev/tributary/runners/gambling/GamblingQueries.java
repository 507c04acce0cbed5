package dev.tributary.runners.gambling;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's analytics as named Spark SQL queries over the gambling warehouse's tables (the
 * records: players, games, sessions, bets, transactions, events; the views by their names). A bet
 * counts towards revenue when its game is in the catalogue, as in the pipeline.
 */
public final class GamblingQueries {
  private GamblingQueries() {}

  /** Placed bets: the bets whose game the catalogue holds, with its provider, type and RTP. */
  private static final String PLACED =
      "(SELECT b.*, g.provider, g.gameType, g.declaredRtp FROM bets b JOIN games g"
          + " ON b.gameId = g.gameId)";

  private static final String LATEST_PLAYERS =
      "(SELECT playerId, vipTier, country FROM (SELECT *, row_number() OVER (PARTITION BY playerId"
          + " ORDER BY updatedAt DESC, vipTier DESC) AS version FROM players) WHERE version = 1)";

  private static String revenueBy(String column) {
    return "SELECT "
        + column
        + ", COUNT(*) AS bets, SUM(stake) AS stakes, SUM(payout) AS payouts,"
        + " SUM(stake) - SUM(payout) AS grossGamingRevenue FROM "
        + PLACED
        + " GROUP BY "
        + column
        + " ORDER BY grossGamingRevenue DESC, "
        + column;
  }

  /** The named queries, in the order {@code --query all} runs them. */
  public static final Map<String, String> QUERIES = queries();

  private static Map<String, String> queries() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("revenue_by_game_type", revenueBy("gameType"));
    q.put("provider_performance", revenueBy("provider"));
    q.put("revenue_by_game", revenueBy("gameId"));
    q.put(
        "daily_revenue",
        "SELECT to_date(placedAt) AS day, COUNT(*) AS bets, SUM(stake) AS stakes, SUM(payout) AS"
            + " payouts, SUM(stake) - SUM(payout) AS grossGamingRevenue FROM "
            + PLACED
            + " GROUP BY to_date(placedAt) ORDER BY day");
    q.put(
        "monthly_revenue",
        "SELECT date_format(placedAt, 'yyyy-MM') AS month, COUNT(*) AS bets, SUM(stake) AS stakes,"
            + " SUM(payout) AS payouts, SUM(stake) - SUM(payout) AS grossGamingRevenue FROM "
            + PLACED
            + " GROUP BY date_format(placedAt, 'yyyy-MM') ORDER BY month");
    q.put(
        "rtp_validation",
        "SELECT gameId, MAX(declaredRtp) AS declaredRtp, COUNT(*) AS bets, SUM(stake) AS stakes,"
            + " SUM(payout) AS payouts, bround(SUM(payout) / SUM(stake), 4) AS observedRtp,"
            + " bround(SUM(payout) / SUM(stake) - MAX(declaredRtp), 4) AS difference FROM "
            + PLACED
            + " GROUP BY gameId ORDER BY abs(difference) DESC, gameId");
    q.put(
        "payment_methods",
        "SELECT paymentMethod, type AS transactionType, COUNT(*) AS transactions,"
            + " SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS completed,"
            + " SUM(CASE WHEN status = 'completed' THEN amount ELSE 0 END) AS completedAmount"
            + " FROM transactions GROUP BY paymentMethod, type"
            + " ORDER BY paymentMethod, transactionType");
    q.put(
        "platform_usage",
        "SELECT platform, COUNT(*) AS sessions, COUNT(DISTINCT playerId) AS players FROM sessions"
            + " GROUP BY platform ORDER BY platform");
    q.put(
        "player_lifetime_value",
        "WITH money AS (SELECT playerId,"
            + " SUM(CASE WHEN type = 'deposit' THEN amount ELSE 0 END) AS deposits,"
            + " SUM(CASE WHEN type = 'withdrawal' THEN amount ELSE 0 END) AS withdrawals,"
            + " SUM(CASE WHEN type = 'bonus' THEN amount ELSE 0 END) AS bonuses"
            + " FROM transactions WHERE status = 'completed' GROUP BY playerId),"
            + " play AS (SELECT playerId, SUM(stake) AS stakes, SUM(payout) AS payouts FROM "
            + PLACED
            + " GROUP BY playerId)"
            + " SELECT coalesce(m.playerId, p.playerId) AS playerId, l.vipTier,"
            + " coalesce(deposits, 0) AS deposits, coalesce(withdrawals, 0) AS withdrawals,"
            + " coalesce(deposits, 0) - coalesce(withdrawals, 0) AS netDeposits,"
            + " coalesce(bonuses, 0) AS bonuses, coalesce(stakes, 0) AS stakes,"
            + " coalesce(payouts, 0) AS payouts,"
            + " coalesce(stakes, 0) - coalesce(payouts, 0) AS netGamingLoss"
            + " FROM money m FULL OUTER JOIN play p ON m.playerId = p.playerId"
            + " LEFT JOIN "
            + LATEST_PLAYERS
            + " l ON l.playerId = coalesce(m.playerId, p.playerId)"
            + " ORDER BY netGamingLoss DESC, playerId");
    q.put(
        "vip_tier_analysis",
        "SELECT l.vipTier, COUNT(DISTINCT l.playerId) AS players, COUNT(b.betId) AS bets,"
            + " coalesce(SUM(b.stake), 0) - coalesce(SUM(b.payout), 0) AS netGamingLoss FROM "
            + LATEST_PLAYERS
            + " l LEFT JOIN "
            + PLACED
            + " b ON b.playerId = l.playerId GROUP BY l.vipTier ORDER BY netGamingLoss DESC");
    q.put(
        "geographic_distribution",
        "SELECT country, COUNT(*) AS players FROM "
            + LATEST_PLAYERS
            + " GROUP BY country ORDER BY players DESC, country");
    q.put(
        "daily_active_players",
        "SELECT day, COUNT(DISTINCT playerId) AS activePlayers FROM"
            + " (SELECT playerId, to_date(placedAt) AS day FROM "
            + PLACED
            + " UNION ALL SELECT playerId, to_date(startedAt) AS day FROM sessions)"
            + " GROUP BY day ORDER BY day");
    q.put(
        "top_games_daily",
        "SELECT day, rank, gameId, stakes FROM (SELECT day, gameId, stakes, row_number() OVER"
            + " (PARTITION BY day ORDER BY stakes DESC, gameId) AS rank FROM (SELECT"
            + " to_date(placedAt) AS day, gameId, SUM(stake) AS stakes FROM "
            + PLACED
            + " GROUP BY to_date(placedAt), gameId)) WHERE rank <= 10 ORDER BY day, rank");
    q.put(
        "risk_alerts_by_rule",
        "SELECT rule, COUNT(*) AS alerts, COUNT(DISTINCT subjectId) AS subjects FROM alerts"
            + " GROUP BY rule ORDER BY rule");
    return q;
  }
}
