package dev.tributary.testdata.gambling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Adds to the generated world the behaviour each risk rule is to find, {@code casesPerRule} cases
 * per rule, each on players of its own, each labelled. The rules, as the detection implements them:
 *
 * <ul>
 *   <li>{@code unusual_bet}: a stake over 10 times the mean of the player's previous bets (the last
 *       50), once it has at least 10; normal stakes stay within 4 times. Subject: the player.
 *   <li>{@code multi_account}: sessions of at least 3 distinct players on one device id, or from
 *       one IP address, starting within 24 h; normal players share neither. Subject: {@code
 *       device:<id>} or {@code ip:<address>}.
 *   <li>{@code rapid_cashout}: a withdrawal of at least 80% of a deposit within 1 h after it, with
 *       the player's stakes between them under 10% of the deposit; normal withdrawals come 24 h or
 *       more after the last deposit. Subject: the player.
 *   <li>{@code session_anomaly}: more than 30 bets of one session within 60 s; normal bets come 10
 *       s or more apart. Subject: the session.
 * </ul>
 */
final class RiskInjector {
  static final int UNUSUAL_FACTOR = 20;
  static final int ANOMALY_BETS = 40;

  private RiskInjector() {}

  static void inject(GamblingGenerator.World w, GamblingGenerator.Settings s, int players) {
    List<Integer> free = new ArrayList<>();
    for (int p = 0; p < players; p++) {
      free.add(p);
    }
    Collections.shuffle(free, new Random(s.seed + 1));
    Random random = w.random;
    for (int c = 0; c < s.casesPerRule && !free.isEmpty(); c++) {
      unusualBet(w, s, free, random);
    }
    for (int c = 0; c < s.casesPerRule && free.size() >= 3; c++) {
      multiAccount(w, free, c, random);
    }
    for (int c = 0; c < s.casesPerRule && !free.isEmpty(); c++) {
      rapidCashout(w, free.remove(0), random);
    }
    for (int c = 0; c < s.casesPerRule && !free.isEmpty(); c++) {
      sessionAnomaly(w, s, free.remove(0), random);
    }
  }

  /** The first free player with at least 10 bets bets 20 times its mean after its last bet. */
  private static void unusualBet(
      GamblingGenerator.World w, GamblingGenerator.Settings s, List<Integer> free, Random random) {
    for (int i = 0; i < free.size(); i++) {
      int p = free.get(i);
      List<ObjectNode> bets = NormalPlay.betsOf(w, p);
      if (bets.size() < 10) {
        continue;
      }
      free.remove(i);
      long total = 0;
      ObjectNode last = bets.get(0);
      for (ObjectNode bet : bets) {
        total += cents(bet.get("stake").asText());
        bet.put("_keep", true);
        if (bet.get("placed_at").asText().compareTo(last.get("placed_at").asText()) > 0) {
          last = bet;
        }
      }
      long stake = UNUSUAL_FACTOR * total / bets.size();
      long second = secondOf(w, last.get("placed_at").asText()) + 30;
      ObjectNode bet =
          NormalPlay.betOf(w, p, last.get("session_id").asText(), second, stake, random);
      bet.put("_keep", true);
      w.risks.add(
          new GamblingGenerator.Risk(
              "unusual_bet", GamblingGenerator.playerId(p), List.of(bet.get("bet_id").asText())));
      return;
    }
  }

  /** Three free players start sessions on one device (or from one address) within 12 hours. */
  private static void multiAccount(
      GamblingGenerator.World w, List<Integer> free, int c, Random random) {
    boolean byDevice = c % 2 == 0;
    String device = "dev-shared-" + (c + 1);
    String ip = "203.0.113." + (c + 1);
    long start = (long) (random.nextDouble() * (w.seconds - 86_400));
    List<String> sessions = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      int p = free.remove(0);
      long at = start + random.nextInt(12 * 3_600);
      ObjectNode session = w.add("sessions");
      String id = w.id("S");
      session.put("session_id", id);
      session.put("player_id", GamblingGenerator.playerId(p));
      session.put("device_id", byDevice ? device : GamblingGenerator.deviceId(p, 0));
      session.put("platform", "mobile");
      session.put("ip_address", byDevice ? GamblingGenerator.ipOf(p) : ip);
      session.put("country", w.countryOf.get(p));
      session.put("start_time", w.at(at).toString());
      session.put("end_time", w.at(at + 600).toString());
      session.put("_keep", true);
      sessions.add(id);
    }
    w.risks.add(
        new GamblingGenerator.Risk(
            "multi_account", byDevice ? "device:" + device : "ip:" + ip, List.copyOf(sessions)));
  }

  /** A deposit after the player's last activity, and 90% of it withdrawn 30 minutes later. */
  private static void rapidCashout(GamblingGenerator.World w, int p, Random random) {
    long at = lastActivity(w, GamblingGenerator.playerId(p)) + 3_600;
    long cents = 20_000 + random.nextInt(80_000);
    ObjectNode deposit = NormalPlay.transaction(w, p, "deposit", cents, at, random);
    ObjectNode withdrawal =
        NormalPlay.transaction(w, p, "withdrawal", cents * 9 / 10, at + 1_800, random);
    for (ObjectNode tx : List.of(deposit, withdrawal)) {
      tx.put("status", "completed");
      tx.put("_keep", true);
    }
    w.risks.add(
        new GamblingGenerator.Risk(
            "rapid_cashout",
            GamblingGenerator.playerId(p),
            List.of(
                deposit.get("transaction_id").asText(),
                withdrawal.get("transaction_id").asText())));
  }

  /** A session of 40 bets one second apart, at the player's own stakes. */
  private static void sessionAnomaly(
      GamblingGenerator.World w, GamblingGenerator.Settings s, int p, Random random) {
    long start = (long) (random.nextDouble() * (w.seconds - 3_600));
    String sessionId = w.id("S");
    List<String> bets = new ArrayList<>();
    for (int b = 1; b <= ANOMALY_BETS; b++) {
      ObjectNode bet = NormalPlay.bet(w, s, p, sessionId, start + b, random);
      bet.put("_keep", true);
      bets.add(bet.get("bet_id").asText());
    }
    ObjectNode session = w.add("sessions");
    session.put("session_id", sessionId);
    session.put("player_id", GamblingGenerator.playerId(p));
    session.put("device_id", GamblingGenerator.deviceId(p, 1));
    session.put("platform", "desktop");
    session.put("ip_address", GamblingGenerator.ipOf(p));
    session.put("country", w.countryOf.get(p));
    session.put("start_time", w.at(start).toString());
    session.put("end_time", w.at(start + ANOMALY_BETS + 60).toString());
    session.put("_keep", true);
    w.risks.add(new GamblingGenerator.Risk("session_anomaly", sessionId, List.copyOf(bets)));
  }

  /** The second (from the start) of the player's last bet, session end or transaction. */
  private static long lastActivity(GamblingGenerator.World w, String playerId) {
    String last = "";
    for (String entity : List.of("bets", "sessions", "transactions")) {
      for (ObjectNode record : w.records.get(entity)) {
        if (record.get("player_id").asText().equals(playerId)) {
          for (String field : List.of("placed_at", "end_time", "timestamp")) {
            if (record.has(field) && record.get(field).asText().compareTo(last) > 0) {
              last = record.get(field).asText();
            }
          }
        }
      }
    }
    return last.isEmpty() ? 0 : secondOf(w, last);
  }

  private static long secondOf(GamblingGenerator.World w, String instant) {
    return Instant.parse(instant).getEpochSecond() - w.start.getEpochSecond();
  }

  private static long cents(String money) {
    return new java.math.BigDecimal(money).movePointRight(2).longValueExact();
  }
}
