package dev.tributary.transforms.gambling;

import dev.tributary.detect.Alert;
import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.AggregateWindows;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import dev.tributary.transforms.RawRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The gambling analysis, one transform for batch (the seed's files) and streaming (its topics): raw
 * records of the six kinds in; the bets placed on their games, the views, the risk alerts and the
 * dead letters out.
 *
 * <pre>
 *   raw records -> ParseGamblingRecords -> bets, games (catalogue), ...
 *     bets + games -> PlaceBets -> placed bets
 *     placed bets -> Aggregate(bets, stakes, payouts, gross gaming revenue, observed RTP; per RevenueView)
 *   transactions -> Aggregate(per payment method and type: count, completed, completed amount)
 *   sessions -> Aggregate(per platform: sessions, distinct players)
 *     placed bets -> CheckRtp (per game: observed against declared RTP) -> rtp-by-game
 *     placed bets -> TopPerDay (games by stakes, players by net loss) -> top-games/losers-daily
 *     placed bets + transactions + LatestPlayers -> PlayerValue -> player-value
 *   bets and sessions as activity -> Aggregate(per day: distinct players) -> daily-active-players
 *                                 -> RetentionByCohort (+ players) -> retention-by-cohort
 *   placed bets + sessions + transactions -> DetectGamblingRisks -> alerts
 * </pre>
 */
public class GamblingAnalysis extends PTransform<PCollection<RawRecord>, GamblingOutputs> {
  /** What every revenue view measures. */
  public static final Measures<PlacedBet> REVENUE_MEASURES =
      Measures.<PlacedBet>of()
          .count("bets")
          .sum("stakes", b -> b.stake)
          .sum("payouts", b -> b.payout)
          .sum("grossGamingRevenue", PlacedBet::grossGamingRevenue)
          .ratio("observedRtp", "payouts", "stakes", 4);

  public static final String PAYMENTS_BY_METHOD = "payments-by-method";
  public static final String SESSIONS_BY_PLATFORM = "sessions-by-platform";
  public static final String DAILY_ACTIVE_PLAYERS = "daily-active-players";

  /** How many games and players the daily rankings hold. */
  public static final int TOP = 10;

  /** Per payment method and transaction type: how many, how many completed and for how much. */
  public static final Measures<Transaction> PAYMENT_MEASURES =
      Measures.<Transaction>of()
          .count("transactions")
          .sum("completed", t -> t.status.equals("completed") ? BigDecimal.ONE : BigDecimal.ZERO)
          .sum("completedAmount", t -> t.status.equals("completed") ? t.amount : BigDecimal.ZERO);

  /** Per platform: sessions and the distinct players who started them. */
  public static final Measures<Session> PLATFORM_MEASURES =
      Measures.<Session>of().count("sessions").distinctCount("players", s -> s.playerId);

  static final KeyFields<Transaction> PAYMENT_KEYS =
      KeyFields.<Transaction>of("paymentMethod", t -> t.paymentMethod)
          .and("transactionType", t -> t.type);
  static final KeyFields<Session> PLATFORM_KEYS = KeyFields.of("platform", s -> s.platform);

  /** Per UTC day: the distinct players who placed a bet or started a session. */
  static final Aggregate<KV<String, Instant>> DAILY_ACTIVE =
      Aggregate.of(
          KeyFields.of("scope", a -> "all"),
          Measures.<KV<String, Instant>>of().distinctCount("activePlayers", KV::getKey),
          AggregateWindows.fixed(Duration.standardDays(1)));

  private final Duration allowedLateness;
  private final Duration earlyFiringsEvery;
  private final RiskThresholds thresholds;
  private final @Nullable PCollection<RawRecord> reference;

  private GamblingAnalysis(
      Duration allowedLateness,
      Duration earlyFiringsEvery,
      RiskThresholds thresholds,
      @Nullable PCollection<RawRecord> reference) {
    this.allowedLateness = allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
    this.thresholds = thresholds;
    this.reference = reference;
  }

  /**
   * Windows take records up to {@code allowedLateness} late and fire early every {@code
   * earlyFiringsEvery}.
   */
  public static GamblingAnalysis of(Duration allowedLateness, Duration earlyFiringsEvery) {
    return new GamblingAnalysis(allowedLateness, earlyFiringsEvery, RiskThresholds.DEFAULTS, null);
  }

  /** The risk rules judge with these thresholds instead of the defaults. */
  public GamblingAnalysis withThresholds(RiskThresholds thresholds) {
    return new GamblingAnalysis(allowedLateness, earlyFiringsEvery, thresholds, reference);
  }

  /**
   * Players and games come from {@code reference} (bounded: files), the other kinds from the main
   * input (a stream). Needed when the main input is unbounded: the catalogue and the players become
   * side inputs once their input is complete, which a stream never is.
   */
  public GamblingAnalysis withReferenceData(PCollection<RawRecord> reference) {
    return new GamblingAnalysis(allowedLateness, earlyFiringsEvery, thresholds, reference);
  }

  @Override
  public GamblingOutputs expand(PCollection<RawRecord> raw) {
    GamblingRecords records =
        reference == null
            ? raw.apply("Parse", ParseGamblingRecords.allKinds())
            : raw.apply("Parse", ParseGamblingRecords.eventsOnly())
                .withReferenceFrom(
                    reference.apply("Parse reference data", ParseGamblingRecords.referenceOnly()));
    PCollectionTuple placed = records.bets().apply("Place bets", PlaceBets.on(records.games()));
    PCollection<PlacedBet> bets = placed.get(PlaceBets.PLACED);
    Map<String, PCollection<Row>> views = new LinkedHashMap<>();
    for (RevenueView view : RevenueView.values()) {
      views.put(
          view.folder(),
          bets.apply(
              "View " + view.folder(),
              aggregateOf(view)
                  .withAllowedLateness(allowedLateness)
                  .withEarlyFiringsEvery(earlyFiringsEvery)));
    }
    views.put(
        PAYMENTS_BY_METHOD,
        records
            .transactions()
            .apply(
                "View " + PAYMENTS_BY_METHOD,
                Aggregate.of(PAYMENT_KEYS, PAYMENT_MEASURES, AggregateWindows.allTime())
                    .withAllowedLateness(allowedLateness)
                    .withEarlyFiringsEvery(earlyFiringsEvery)));
    views.put(
        SESSIONS_BY_PLATFORM,
        records
            .sessions()
            .apply(
                "View " + SESSIONS_BY_PLATFORM,
                Aggregate.of(PLATFORM_KEYS, PLATFORM_MEASURES, AggregateWindows.allTime())
                    .withAllowedLateness(allowedLateness)
                    .withEarlyFiringsEvery(earlyFiringsEvery)));
    views.put(CheckRtp.VIEW, bets.apply("RTP check", CheckRtp.firingEarlyEvery(earlyFiringsEvery)));
    views.put(
        TopPerDay.TOP_GAMES,
        bets.apply("Top games", TopPerDay.gamesByStakes(TOP, allowedLateness)));
    views.put(
        TopPerDay.TOP_LOSERS,
        bets.apply("Top losers", TopPerDay.playersByNetLoss(TOP, allowedLateness)));
    PCollectionView<Map<String, Player>> latestPlayers =
        records.players().apply("Latest players", new LatestPlayers());
    views.put(
        PlayerValue.VIEW,
        bets.apply(
            "Player value",
            PlayerValue.with(records.transactions(), latestPlayers, earlyFiringsEvery)));
    PCollection<KV<String, Instant>> activity = activityOf(bets, records.sessions());
    views.put(
        DAILY_ACTIVE_PLAYERS,
        activity.apply(
            "Daily active players",
            DAILY_ACTIVE
                .withAllowedLateness(allowedLateness)
                .withEarlyFiringsEvery(earlyFiringsEvery)));
    views.put(
        RetentionByCohort.VIEW,
        activity.apply(
            "Retention",
            RetentionByCohort.of(records.players(), latestPlayers, earlyFiringsEvery)));
    PCollection<Alert> alerts =
        bets.apply(
            "Detect risks",
            DetectGamblingRisks.with(
                records.sessions(), records.transactions(), thresholds, allowedLateness));
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(records.deadLetters())
            .and(placed.get(PlaceBets.UNKNOWN_GAME))
            .apply("All dead letters", Flatten.pCollections());
    return new GamblingOutputs(records, bets, views, alerts, deadLetters);
  }

  /** Who was active when: each bet's player at its time, each session's at its start. */
  private static PCollection<KV<String, Instant>> activityOf(
      PCollection<PlacedBet> bets, PCollection<Session> sessions) {
    TypeDescriptor<KV<String, Instant>> type =
        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(Instant.class));
    KvCoder<String, Instant> coder = KvCoder.of(StringUtf8Coder.of(), InstantCoder.of());
    PCollection<KV<String, Instant>> bettors =
        bets.apply(
                "Bettors",
                MapElements.into(type).via((PlacedBet b) -> KV.of(b.playerId, b.placedAt)))
            .setCoder(coder);
    PCollection<KV<String, Instant>> sessionPlayers =
        sessions
            .apply(
                "Session players",
                MapElements.into(type).via((Session x) -> KV.of(x.playerId, x.startedAt)))
            .setCoder(coder);
    return PCollectionList.of(bettors)
        .and(sessionPlayers)
        .apply("Activity", Flatten.pCollections());
  }

  private static Aggregate<PlacedBet> aggregateOf(RevenueView view) {
    return Aggregate.of(
        KeyFields.of(view.keyField(), view.keyOf()), REVENUE_MEASURES, view.windows());
  }

  /** The schema of the payments view's rows, for the model. */
  public static Schema paymentsSchema() {
    return Aggregate.of(PAYMENT_KEYS, PAYMENT_MEASURES, AggregateWindows.allTime()).resultSchema();
  }

  /** The schema of the platforms view's rows, for the model. */
  public static Schema platformsSchema() {
    return Aggregate.of(PLATFORM_KEYS, PLATFORM_MEASURES, AggregateWindows.allTime())
        .resultSchema();
  }

  /** The schema of a view's rows, for the model. */
  public static Schema schemaOf(RevenueView view) {
    return aggregateOf(view).resultSchema();
  }
}
