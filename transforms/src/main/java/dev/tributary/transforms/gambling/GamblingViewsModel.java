package dev.tributary.transforms.gambling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The model of the gambling views beyond revenue: the RTP check, the daily rankings, player value,
 * daily active players and retention, each computed directly from the parsed records.
 */
final class GamblingViewsModel {
  private static final long DAY = Duration.standardDays(1).getMillis();

  private final List<PlacedBet> bets;
  private final List<Player> players;
  private final List<KV<String, Instant>> activity = new ArrayList<>();
  private final Map<String, Player> latest = new TreeMap<>();

  GamblingViewsModel(List<PlacedBet> bets, List<Player> players, List<Session> sessions) {
    this.bets = bets;
    this.players = players;
    bets.forEach(b -> activity.add(KV.of(b.playerId, b.placedAt)));
    sessions.forEach(s -> activity.add(KV.of(s.playerId, s.startedAt)));
    players.forEach(p -> latest.merge(p.playerId, p, LatestPlayers::later));
  }

  List<Row> rtp() {
    List<Row> rows = new ArrayList<>();
    grouped(bets, b -> b.gameId)
        .forEach(
            (game, own) -> {
              BigDecimal stakes = BigDecimal.ZERO;
              BigDecimal payouts = BigDecimal.ZERO;
              BigDecimal payoutSquares = BigDecimal.ZERO;
              BigDecimal payoutTimesStake = BigDecimal.ZERO;
              BigDecimal stakeSquares = BigDecimal.ZERO;
              BigDecimal declared = null;
              for (PlacedBet b : own) {
                stakes = stakes.add(b.stake);
                payouts = payouts.add(b.payout);
                payoutSquares = payoutSquares.add(b.payout.multiply(b.payout));
                payoutTimesStake = payoutTimesStake.add(b.payout.multiply(b.stake));
                stakeSquares = stakeSquares.add(b.stake.multiply(b.stake));
                declared = declared == null ? b.declaredRtp : declared.max(b.declaredRtp);
              }
              rows.add(
                  CheckRtp.checked(
                      game,
                      own.size(),
                      stakes,
                      payouts,
                      stakes.signum() == 0
                          ? null
                          : payouts.divide(stakes, 4, RoundingMode.HALF_EVEN),
                      declared,
                      payoutSquares,
                      payoutTimesStake,
                      stakeSquares,
                      true));
            });
    return rows;
  }

  /** The ranking {@code top} makes: its top k keys by their total per UTC day. */
  List<Row> topPerDay(TopPerDay top) {
    Map<Long, Map<String, BigDecimal>> totals = new TreeMap<>();
    for (PlacedBet b : bets) {
      long day = Math.floorDiv(b.placedAt.getMillis(), DAY) * DAY;
      totals
          .computeIfAbsent(day, d -> new TreeMap<>())
          .merge(top.keyOf().apply(b), top.valueOf().apply(b), BigDecimal::add);
    }
    int k = top.k();
    Schema schema = top.resultSchema();
    List<Row> rows = new ArrayList<>();
    totals.forEach(
        (day, byKey) -> {
          List<Map.Entry<String, BigDecimal>> ranked = new ArrayList<>(byKey.entrySet());
          ranked.sort(
              Comparator.comparing(Map.Entry<String, BigDecimal>::getValue)
                  .reversed()
                  .thenComparing(Map.Entry::getKey));
          for (int r = 0; r < Math.min(k, ranked.size()); r++) {
            rows.add(
                Row.withSchema(schema)
                    .addValues(
                        new Instant(day),
                        new Instant(day + DAY),
                        r + 1,
                        ranked.get(r).getKey(),
                        ranked.get(r).getValue(),
                        true)
                    .build());
          }
        });
    return rows;
  }

  List<Row> playerValue(List<Transaction> transactions) {
    List<PlayerMoney> ledger = new ArrayList<>();
    bets.forEach(b -> ledger.add(PlayerMoney.of(b)));
    for (Transaction t : transactions) {
      if (t.status.equals("completed")) {
        ledger.add(PlayerMoney.of(t));
      }
    }
    Schema sums = PlayerValue.schema();
    List<Row> rows = new ArrayList<>();
    grouped(ledger, m -> m.playerId)
        .forEach(
            (player, own) -> {
              BigDecimal[] totals = new BigDecimal[7];
              java.util.Arrays.fill(totals, BigDecimal.ZERO);
              for (PlayerMoney m : own) {
                totals[0] = totals[0].add(m.deposited);
                totals[1] = totals[1].add(m.withdrawn);
                totals[2] = totals[2].add(m.deposited.subtract(m.withdrawn));
                totals[3] = totals[3].add(m.bonus);
                totals[4] = totals[4].add(m.staked);
                totals[5] = totals[5].add(m.paidOut);
                totals[6] = totals[6].add(m.staked.subtract(m.paidOut));
              }
              Player known = latest.get(player);
              List<Object> values = new ArrayList<>();
              values.add(player);
              values.add(known == null ? null : known.vipTier);
              values.addAll(List.of(totals));
              values.add(true);
              rows.add(Row.withSchema(sums).addValues(values).build());
            });
    return rows;
  }

  List<Row> dailyActive() {
    Map<Long, Set<String>> perDay = new TreeMap<>();
    for (KV<String, Instant> a : activity) {
      long day = Math.floorDiv(a.getValue().getMillis(), DAY) * DAY;
      perDay.computeIfAbsent(day, d -> new HashSet<>()).add(a.getKey());
    }
    Schema schema = GamblingAnalysis.DAILY_ACTIVE.resultSchema();
    List<Row> rows = new ArrayList<>();
    perDay.forEach(
        (day, active) ->
            rows.add(
                Row.withSchema(schema)
                    .addValues(
                        "all", new Instant(day), new Instant(day + DAY), (long) active.size(), true)
                    .build()));
    return rows;
  }

  List<Row> retention() {
    Map<String, List<Set<String>>> cohorts = new TreeMap<>();
    Function<String, List<Set<String>>> empty =
        c -> List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
    for (Player p : players) {
      CohortMark mark = CohortMark.member(p);
      cohorts.computeIfAbsent(mark.cohortDay, empty).get(0).add(p.playerId);
    }
    for (KV<String, Instant> a : activity) {
      Player p = latest.get(a.getKey());
      if (p == null) {
        continue;
      }
      CohortMark mark = CohortMark.active(p, a.getValue());
      if (mark.dayOffset == 1 || mark.dayOffset == 7) {
        cohorts
            .computeIfAbsent(mark.cohortDay, empty)
            .get(mark.dayOffset == 1 ? 1 : 2)
            .add(p.playerId);
      }
    }
    Schema schema = RetentionByCohort.schema();
    List<Row> rows = new ArrayList<>();
    cohorts.forEach(
        (cohort, sets) -> {
          long members = sets.get(0).size();
          rows.add(
              Row.withSchema(schema)
                  .addValues(
                      cohort,
                      members,
                      (long) sets.get(1).size(),
                      (long) sets.get(2).size(),
                      share(sets.get(1).size(), members),
                      share(sets.get(2).size(), members),
                      true)
                  .build());
        });
    return rows;
  }

  private static BigDecimal share(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }

  private static <T> Map<String, List<T>> grouped(List<T> records, Function<T, String> keyOf) {
    Map<String, List<T>> groups = new LinkedHashMap<>();
    for (T record : records) {
      groups.computeIfAbsent(keyOf.apply(record), k -> new ArrayList<>()).add(record);
    }
    return groups;
  }
}
