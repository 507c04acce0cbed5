package dev.tributary.testdata.gambling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The normal behaviour of the generated players, which no risk rule may flag: each player bets
 * within half to twice a stake of its own; bets in a session come at least 10 s apart; every player
 * has devices and an address of its own; a withdrawal comes at least 24 h after the player's last
 * deposit. A player registered after the start plays and deposits only after registering.
 */
final class NormalPlay {
  /** The shortest gap between two bets of a normal session. */
  static final int MIN_BET_GAP_SECONDS = 10;

  private NormalPlay() {}

  /** Each player's own stake, in cents, around which it bets. */
  static long baseStakeCents(long seed, int player) {
    return 100 + new Random(seed * 31 + player).nextInt(4_900);
  }

  static void generate(GamblingGenerator.World w, GamblingGenerator.Settings s, int players) {
    Random random = w.random;
    int sessions = s.sessions * s.scale;
    int bets = s.bets * s.scale;
    int[] betsIn = new int[sessions];
    for (int b = 0; b < bets; b++) {
      betsIn[random.nextInt(sessions)]++;
    }
    for (int n = 0; n < sessions; n++) {
      int p = random.nextInt(players);
      long from = w.activeFrom.get(p);
      long start = from + (long) (random.nextDouble() * (w.seconds - 6 * 3_600 - from));
      String sessionId = w.id("S");
      int device = random.nextInt(10) < 6 ? 0 : 1;
      long t = start;
      for (int b = 0; b < betsIn[n]; b++) {
        t += MIN_BET_GAP_SECONDS + random.nextInt(50);
        bet(w, s, p, sessionId, t, random);
      }
      ObjectNode session = w.add("sessions");
      session.put("session_id", sessionId);
      session.put("player_id", GamblingGenerator.playerId(p));
      session.put("device_id", GamblingGenerator.deviceId(p, device));
      session.put("platform", device == 0 ? "mobile" : "desktop");
      session.put("ip_address", GamblingGenerator.ipOf(p));
      session.put("country", w.countryOf.get(p));
      session.put("start_time", w.at(start).toString());
      session.put("end_time", w.at(t + 60 + random.nextInt(540)).toString());
      event(w, p, "login", "audit", start, "{\"session_id\":\"" + sessionId + "\"}");
      if (random.nextBoolean()) {
        event(w, p, "page_view", "analytics", start + 5, "{\"page\":\"lobby\"}");
      }
    }
    for (int p = 0; p < players; p++) {
      event(
          w, p, "limit_change", "audit", random.nextInt((int) w.seconds), "{\"daily\":\"500.00\"}");
      long lastDeposit = -1;
      long from = w.activeFrom.get(p);
      int deposits = 1 + random.nextInt(4);
      for (int d = 0; d < deposits; d++) {
        long at = from + (long) (random.nextDouble() * (w.seconds - from));
        lastDeposit = Math.max(lastDeposit, at);
        transaction(w, p, "deposit", 1_000 + random.nextInt(49_000), at, random);
      }
      if (random.nextInt(10) < 3) {
        long at = lastDeposit + 86_400 + random.nextInt(2 * 86_400);
        transaction(w, p, "withdrawal", 1_000 + random.nextInt(20_000), at, random);
      }
      if (random.nextInt(10) < 4) {
        transaction(
            w, p, "bonus", 500 + random.nextInt(5_000), random.nextInt((int) w.seconds), random);
      }
    }
  }

  /** A bet of player {@code p} at {@code second}, at its own stake; returns the record. */
  static ObjectNode bet(
      GamblingGenerator.World w,
      GamblingGenerator.Settings s,
      int p,
      String sessionId,
      long second,
      Random random) {
    long stake = Math.round(baseStakeCents(s.seed, p) * (0.5 + 1.5 * random.nextDouble()));
    return betOf(w, p, sessionId, second, stake, random);
  }

  /** A bet of {@code stakeCents} on a random game, its outcome drawn at the game's RTP. */
  static ObjectNode betOf(
      GamblingGenerator.World w,
      int p,
      String sessionId,
      long second,
      long stakeCents,
      Random random) {
    List<ObjectNode> games = w.records.get("games");
    ObjectNode game = games.get(random.nextInt(games.size()));
    double rtp = Double.parseDouble(game.get("rtp").asText());
    double draw = random.nextDouble();
    String outcome;
    long payout;
    if (draw < 0.40) {
      outcome = "win";
      payout = Math.max(stakeCents + 1, Math.round(stakeCents * (rtp - 0.05) / 0.40));
    } else if (draw < 0.45) {
      outcome = "push";
      payout = stakeCents;
    } else {
      outcome = "loss";
      payout = 0;
    }
    ObjectNode bet = w.add("bets");
    bet.put("bet_id", w.id("B"));
    bet.put("player_id", GamblingGenerator.playerId(p));
    bet.put("game_id", game.get("game_id").asText());
    bet.put("session_id", sessionId);
    bet.put("stake", GamblingGenerator.money(stakeCents));
    bet.put("payout", GamblingGenerator.money(payout));
    bet.put("outcome", outcome);
    bet.put("placed_at", w.at(second).toString());
    return bet;
  }

  static ObjectNode transaction(
      GamblingGenerator.World w, int p, String type, long cents, long second, Random random) {
    ObjectNode tx = w.add("transactions");
    tx.put("transaction_id", w.id("T"));
    tx.put("player_id", GamblingGenerator.playerId(p));
    tx.put("transaction_type", type);
    tx.put("amount", GamblingGenerator.money(cents));
    tx.put(
        "payment_method",
        GamblingGenerator.PAYMENT_METHODS.get(
            random.nextInt(GamblingGenerator.PAYMENT_METHODS.size())));
    int status = random.nextInt(100);
    tx.put("status", status < 90 ? "completed" : status < 97 ? "pending" : "failed");
    tx.put("timestamp", w.at(second).toString());
    return tx;
  }

  private static void event(
      GamblingGenerator.World w, int p, String type, String category, long second, String details) {
    ObjectNode event = w.add("events");
    event.put("event_id", w.id("E"));
    event.put("player_id", GamblingGenerator.playerId(p));
    event.put("event_type", type);
    event.put("category", category);
    try {
      event.set("details", GamblingGenerator.JSON.readTree(details));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(details, e);
    }
    event.put("timestamp", w.at(second).toString());
  }

  /** Every bet of player {@code p} so far, as records. */
  static List<ObjectNode> betsOf(GamblingGenerator.World w, int p) {
    List<ObjectNode> bets = new ArrayList<>();
    String id = GamblingGenerator.playerId(p);
    for (ObjectNode bet : w.records.get("bets")) {
      if (bet.get("player_id").asText().equals(id)) {
        bets.add(bet);
      }
    }
    return bets;
  }
}
