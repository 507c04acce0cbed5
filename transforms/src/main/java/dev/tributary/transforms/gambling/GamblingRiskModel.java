package dev.tributary.transforms.gambling;

import dev.tributary.detect.Alert;
import dev.tributary.detect.AlertAttribute;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.joda.time.Instant;

/**
 * The four risk rules in plain Java, the reference {@link DetectGamblingRisks} is held to: each
 * subject's records sorted by event time and id, each judged against the others directly.
 */
final class GamblingRiskModel {
  private final RiskThresholds thresholds;

  GamblingRiskModel(RiskThresholds thresholds) {
    this.thresholds = thresholds;
  }

  List<Alert> alerts(List<PlacedBet> bets, List<Session> sessions, List<Transaction> transactions) {
    List<Alert> alerts = new ArrayList<>();
    Comparator<PlacedBet> betOrder =
        Comparator.comparing((PlacedBet b) -> b.placedAt).thenComparing(b -> b.betId);
    for (List<PlacedBet> own : grouped(bets, b -> b.playerId, betOrder).values()) {
      unusualBets(own, alerts);
    }
    grouped(bets, b -> b.sessionId, betOrder)
        .forEach((id, inSession) -> anomalies(id, inSession, alerts));
    Comparator<Session> sessionOrder =
        Comparator.comparing((Session s) -> s.startedAt).thenComparing(s -> s.sessionId);
    grouped(sessions, s -> "device:" + s.deviceId, sessionOrder)
        .forEach((subject, shared) -> multiAccounts(subject, shared, alerts));
    grouped(sessions, s -> "ip:" + s.ipAddress, sessionOrder)
        .forEach((subject, shared) -> multiAccounts(subject, shared, alerts));
    Map<String, List<CashMove>> money = new TreeMap<>();
    for (Transaction t : transactions) {
      if (t.status.equals("completed")
          && (t.type.equals("deposit") || t.type.equals("withdrawal"))) {
        money
            .computeIfAbsent(t.playerId, p -> new ArrayList<>())
            .add(RapidCashoutRule.move(t).getValue());
      }
    }
    for (PlacedBet b : bets) {
      money
          .computeIfAbsent(b.playerId, p -> new ArrayList<>())
          .add(new CashMove(CashMove.Kind.STAKE, b.betId, b.placedAt, b.stake));
    }
    money.forEach(
        (player, moves) -> {
          moves.sort(CashMove.IN_TIME_ORDER);
          for (int i = 0; i < moves.size(); i++) {
            if (moves.get(i).kind() == CashMove.Kind.WITHDRAWAL) {
              Alert alert = RapidCashoutRule.judge(player, moves, i, thresholds);
              if (alert != null) {
                alerts.add(alert);
              }
            }
          }
        });
    return alerts;
  }

  private void unusualBets(List<PlacedBet> own, List<Alert> alerts) {
    for (int i = 0; i < own.size(); i++) {
      int from = Math.max(0, i - thresholds.unusualHistory);
      if (i - from < thresholds.unusualMinHistory) {
        continue;
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (PlacedBet b : own.subList(from, i)) {
        sum = sum.add(b.stake);
      }
      BigDecimal count = BigDecimal.valueOf(i - from);
      PlacedBet bet = own.get(i);
      if (bet.stake.multiply(count).compareTo(thresholds.unusualFactor.multiply(sum)) > 0) {
        BigDecimal mean = sum.divide(count, 2, RoundingMode.HALF_EVEN);
        alerts.add(
            new Alert(
                Alert.idFor(DetectGamblingRisks.UNUSUAL_BET, bet.betId),
                DetectGamblingRisks.UNUSUAL_BET,
                1,
                "player",
                bet.playerId,
                List.of(bet.betId),
                bet.stake,
                List.of(
                    new AlertAttribute("trailingMean", mean.toPlainString()),
                    new AlertAttribute("history", String.valueOf(i - from))),
                own.get(from).placedAt,
                bet.placedAt,
                "MEDIUM",
                bet.placedAt));
      }
    }
  }

  private void anomalies(String sessionId, List<PlacedBet> inSession, List<Alert> alerts) {
    for (PlacedBet bet : inSession) {
      Instant start = bet.placedAt.minus(thresholds.anomalyWithin);
      List<String> ids = new ArrayList<>();
      BigDecimal staked = BigDecimal.ZERO;
      for (PlacedBet other : inSession) {
        if (other.placedAt.isAfter(start) && !other.placedAt.isAfter(bet.placedAt)) {
          if (!other.betId.equals(bet.betId)) {
            ids.add(other.betId);
          }
          staked = staked.add(other.stake);
        }
      }
      ids.add(bet.betId);
      if (ids.size() >= thresholds.anomalyBets) {
        alerts.add(
            new Alert(
                Alert.idFor(DetectGamblingRisks.SESSION_ANOMALY, bet.betId),
                DetectGamblingRisks.SESSION_ANOMALY,
                1,
                "session",
                sessionId,
                ids,
                staked,
                List.of(new AlertAttribute("count", String.valueOf(ids.size()))),
                start,
                bet.placedAt,
                "MEDIUM",
                bet.placedAt));
      }
    }
  }

  private void multiAccounts(String subject, List<Session> shared, List<Alert> alerts) {
    for (Session session : shared) {
      Instant start = session.startedAt.minus(thresholds.sharedWithin);
      List<String> ids = new ArrayList<>();
      Set<String> players = new HashSet<>();
      for (Session other : shared) {
        if (other.startedAt.isAfter(start) && !other.startedAt.isAfter(session.startedAt)) {
          if (!other.sessionId.equals(session.sessionId)) {
            ids.add(other.sessionId);
          }
          players.add(other.playerId);
        }
      }
      ids.add(session.sessionId);
      if (players.size() >= thresholds.sharedPlayers) {
        alerts.add(
            new Alert(
                Alert.idFor(DetectGamblingRisks.MULTI_ACCOUNT, subject + ":" + session.sessionId),
                DetectGamblingRisks.MULTI_ACCOUNT,
                1,
                "device_or_ip",
                subject,
                ids,
                null,
                List.of(new AlertAttribute("count", String.valueOf(players.size()))),
                start,
                session.startedAt,
                "HIGH",
                session.startedAt));
      }
    }
  }

  private static <T> Map<String, List<T>> grouped(
      List<T> records, Function<T, String> keyOf, Comparator<T> order) {
    Map<String, List<T>> groups = new TreeMap<>();
    for (T record : records) {
      groups.computeIfAbsent(keyOf.apply(record), k -> new ArrayList<>()).add(record);
    }
    groups.values().forEach(g -> g.sort(order));
    return groups;
  }
}
