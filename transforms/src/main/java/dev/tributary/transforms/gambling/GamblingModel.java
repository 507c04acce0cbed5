package dev.tributary.transforms.gambling;

import dev.tributary.detect.Alert;
import dev.tributary.transforms.AggregateWindows;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.ParsedRecords;
import dev.tributary.transforms.RawRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The gambling analysis in plain Java, the reference {@link GamblingAnalysis} is held to: the same
 * parsing, the same placing of bets on the catalogue, the same views, computed directly.
 */
public final class GamblingModel {
  /** The model's outputs. */
  public record Result(
      List<PlacedBet> placedBets,
      Map<String, List<Row>> views,
      List<Alert> alerts,
      List<DeadLetter> deadLetters) {}

  private final RiskThresholds thresholds;

  /** The model with the default risk thresholds. */
  public GamblingModel() {
    this(RiskThresholds.DEFAULTS);
  }

  public GamblingModel(RiskThresholds thresholds) {
    this.thresholds = thresholds;
  }

  public Result run(List<RawRecord> raw) {
    Map<GamblingKind, List<RawRecord>> byKind = new EnumMap<>(GamblingKind.class);
    for (GamblingKind kind : GamblingKind.values()) {
      byKind.put(kind, new ArrayList<>());
    }
    List<DeadLetter> deadLetters = new ArrayList<>();
    for (RawRecord record : raw) {
      Optional<GamblingKind> kind = GamblingKind.of(record.source, record.payload);
      if (kind.isPresent()) {
        byKind.get(kind.get()).add(record);
      } else {
        deadLetters.add(DeadLetter.of(record, "ParseGamblingRecords", "the source names no kind"));
      }
    }
    ParsedRecords<Game> games =
        ParsedRecords.of("games", new GameParser(), g -> g.gameId, byKind.get(GamblingKind.GAMES));
    ParsedRecords<Transaction> transactions =
        ParsedRecords.of(
            "transactions",
            new TransactionParser(),
            t -> t.transactionId,
            byKind.get(GamblingKind.TRANSACTIONS));
    ParsedRecords<Session> sessions =
        ParsedRecords.of(
            "sessions", new SessionParser(), s -> s.sessionId, byKind.get(GamblingKind.SESSIONS));
    ParsedRecords<Bet> bets =
        ParsedRecords.of("bets", new BetParser(), b -> b.betId, byKind.get(GamblingKind.BETS));
    ParsedRecords<Player> players =
        ParsedRecords.of(
            "players",
            new PlayerParser(),
            p -> p.playerId + "@" + p.updatedAt.getMillis(),
            byKind.get(GamblingKind.PLAYERS));
    for (ParsedRecords<?> parsed : List.of(games, bets, players, sessions, transactions)) {
      deadLetters.addAll(parsed.deadLetters());
    }
    deadLetters.addAll(
        ParsedRecords.of(
                "events", new EventParser(), e -> e.eventId, byKind.get(GamblingKind.EVENTS))
            .deadLetters());

    Map<String, Game> catalogue = new LinkedHashMap<>();
    games.records().forEach(g -> catalogue.put(g.gameId, g));
    List<PlacedBet> placed = new ArrayList<>();
    for (Bet bet : bets.records()) {
      Game game = catalogue.get(bet.gameId);
      if (game == null) {
        deadLetters.add(PlaceBets.unknownGame(bet));
      } else {
        placed.add(PlacedBet.of(bet, game));
      }
    }
    Map<String, List<Row>> views = new LinkedHashMap<>();
    for (RevenueView view : RevenueView.values()) {
      views.put(view.folder(), view(placed, view));
    }
    views.put(GamblingAnalysis.PAYMENTS_BY_METHOD, payments(transactions.records()));
    views.put(GamblingAnalysis.SESSIONS_BY_PLATFORM, platforms(sessions.records()));
    GamblingViewsModel more = new GamblingViewsModel(placed, players.records(), sessions.records());
    views.put(CheckRtp.VIEW, more.rtp());
    views.put(
        TopPerDay.TOP_GAMES,
        more.topPerDay(TopPerDay.gamesByStakes(GamblingAnalysis.TOP, Duration.ZERO)));
    views.put(
        TopPerDay.TOP_LOSERS,
        more.topPerDay(TopPerDay.playersByNetLoss(GamblingAnalysis.TOP, Duration.ZERO)));
    views.put(PlayerValue.VIEW, more.playerValue(transactions.records()));
    views.put(GamblingAnalysis.DAILY_ACTIVE_PLAYERS, more.dailyActive());
    views.put(RetentionByCohort.VIEW, more.retention());
    List<Alert> alerts =
        new GamblingRiskModel(thresholds)
            .alerts(placed, sessions.records(), transactions.records());
    return new Result(placed, views, alerts, deadLetters);
  }

  private static List<Row> payments(List<Transaction> transactions) {
    Map<List<String>, List<Transaction>> cells = new LinkedHashMap<>();
    for (Transaction t : transactions) {
      cells.computeIfAbsent(List.of(t.paymentMethod, t.type), k -> new ArrayList<>()).add(t);
    }
    List<Row> rows = new ArrayList<>();
    cells.forEach(
        (key, inCell) -> {
          BigDecimal completed = BigDecimal.ZERO;
          BigDecimal amount = BigDecimal.ZERO;
          for (Transaction t : inCell) {
            if (t.status.equals("completed")) {
              completed = completed.add(BigDecimal.ONE);
              amount = amount.add(t.amount);
            }
          }
          rows.add(
              Row.withSchema(GamblingAnalysis.paymentsSchema())
                  .addValues(key.get(0), key.get(1), (long) inCell.size(), completed, amount, true)
                  .build());
        });
    return rows;
  }

  private static List<Row> platforms(List<Session> sessions) {
    Map<String, List<Session>> cells = new LinkedHashMap<>();
    for (Session s : sessions) {
      cells.computeIfAbsent(s.platform, k -> new ArrayList<>()).add(s);
    }
    List<Row> rows = new ArrayList<>();
    cells.forEach(
        (platform, inCell) ->
            rows.add(
                Row.withSchema(GamblingAnalysis.platformsSchema())
                    .addValues(
                        platform,
                        (long) inCell.size(),
                        inCell.stream().map(s -> s.playerId).distinct().count(),
                        true)
                    .build()));
    return rows;
  }

  private record Cell(String key, Optional<Instant> windowStart) {}

  private static List<Row> view(List<PlacedBet> bets, RevenueView view) {
    Map<Cell, List<PlacedBet>> cells = new LinkedHashMap<>();
    for (PlacedBet bet : bets) {
      AggregateWindows windows = view.windows();
      Optional<Instant> start =
          windows.isAllTime() ? Optional.empty() : Optional.of(windows.startOf(bet.placedAt));
      cells
          .computeIfAbsent(new Cell(view.keyOf().apply(bet), start), c -> new ArrayList<>())
          .add(bet);
    }
    Schema schema = GamblingAnalysis.schemaOf(view);
    List<Row> rows = new ArrayList<>();
    cells.forEach(
        (cell, inCell) -> {
          BigDecimal stakes = BigDecimal.ZERO;
          BigDecimal payouts = BigDecimal.ZERO;
          for (PlacedBet bet : inCell) {
            stakes = stakes.add(bet.stake);
            payouts = payouts.add(bet.payout);
          }
          List<Object> values = new ArrayList<>();
          values.add(cell.key());
          cell.windowStart()
              .ifPresent(
                  start -> {
                    values.add(start);
                    values.add(view.windows().endOf(start));
                  });
          values.add((long) inCell.size());
          values.add(stakes);
          values.add(payouts);
          values.add(stakes.subtract(payouts));
          values.add(
              stakes.signum() == 0 ? null : payouts.divide(stakes, 4, RoundingMode.HALF_EVEN));
          values.add(true);
          rows.add(Row.withSchema(schema).addValues(values).build());
        });
    return rows;
  }
}
