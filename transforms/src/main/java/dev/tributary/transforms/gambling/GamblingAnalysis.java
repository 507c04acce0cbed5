package dev.tributary.transforms.gambling;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import dev.tributary.transforms.RawRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;

/**
 * The gambling analysis, one transform for batch (the seed's files) and streaming (its topics): raw
 * records of the six kinds in; the bets placed on their games, the revenue views and the dead
 * letters out. (Issue 28 adds RTP flags, player value, retention, rankings and the risk rules.)
 *
 * <pre>
 *   raw records -> ParseGamblingRecords -> bets, games (catalogue), ...
 *     bets + games -> PlaceBets -> placed bets
 *     placed bets -> Aggregate(bets, stakes, payouts, gross gaming revenue, observed RTP; per RevenueView)
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

  private final Duration allowedLateness;
  private final Duration earlyFiringsEvery;

  private GamblingAnalysis(Duration allowedLateness, Duration earlyFiringsEvery) {
    this.allowedLateness = allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  /**
   * Windows take records up to {@code allowedLateness} late and fire early every {@code
   * earlyFiringsEvery}.
   */
  public static GamblingAnalysis of(Duration allowedLateness, Duration earlyFiringsEvery) {
    return new GamblingAnalysis(allowedLateness, earlyFiringsEvery);
  }

  @Override
  public GamblingOutputs expand(PCollection<RawRecord> raw) {
    GamblingRecords records = raw.apply("Parse", new ParseGamblingRecords());
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
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(records.deadLetters())
            .and(placed.get(PlaceBets.UNKNOWN_GAME))
            .apply("All dead letters", Flatten.pCollections());
    return new GamblingOutputs(bets, views, deadLetters);
  }

  private static Aggregate<PlacedBet> aggregateOf(RevenueView view) {
    return Aggregate.of(
        KeyFields.of(view.keyField(), view.keyOf()), REVENUE_MEASURES, view.windows());
  }

  /** The schema of a view's rows, for the model. */
  public static Schema schemaOf(RevenueView view) {
    return aggregateOf(view).resultSchema();
  }
}
