package dev.tributary.transforms.gambling;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.AggregateWindows;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import dev.tributary.transforms.TributaryMetrics;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * D1 and D7 retention by registration cohort (the view {@code retention-by-cohort}): per UTC day of
 * registration, how many players registered, how many of them were active (placed a bet or started
 * a session) on the next day and on the seventh day after, and those as shares. Activity of a
 * player the player records do not hold is counted as {@code gambling.activityOfUnknownPlayer} and
 * left out.
 *
 * <pre>
 *   players (latest versions) -> CohortMark(cohort, player, 0)
 *   activity (player, time) + players -> CohortMark(cohort, player, days since registering)
 *     -> Aggregate(per cohort, all time: distinct players at offsets 0, 1 and 7)
 * </pre>
 */
public class RetentionByCohort
    extends PTransform<PCollection<KV<String, Instant>>, PCollection<Row>> {
  public static final String VIEW = "retention-by-cohort";

  static final Measures<CohortMark> MEASURES =
      Measures.<CohortMark>of()
          .distinctCount("players", m -> m.dayOffset == 0 ? m.playerId : null)
          .distinctCount("d1Retained", m -> m.dayOffset == 1 ? m.playerId : null)
          .distinctCount("d7Retained", m -> m.dayOffset == 7 ? m.playerId : null)
          .ratio("d1Rate", "d1Retained", "players", 4)
          .ratio("d7Rate", "d7Retained", "players", 4);

  private final PCollection<Player> players;
  private final PCollectionView<Map<String, Player>> latest;
  private final Duration earlyFiringsEvery;

  private RetentionByCohort(
      PCollection<Player> players,
      PCollectionView<Map<String, Player>> latest,
      Duration earlyFiringsEvery) {
    this.players = players;
    this.latest = latest;
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  /** Cohorts of {@code players}; {@code latest} is their {@link LatestPlayers} view. */
  public static RetentionByCohort of(
      PCollection<Player> players,
      PCollectionView<Map<String, Player>> latest,
      Duration earlyFiringsEvery) {
    return new RetentionByCohort(players, latest, earlyFiringsEvery);
  }

  static Aggregate<CohortMark> aggregate() {
    return Aggregate.of(
        KeyFields.of("cohortDay", m -> m.cohortDay), MEASURES, AggregateWindows.allTime());
  }

  public static Schema schema() {
    return aggregate().resultSchema();
  }

  @Override
  public PCollection<Row> expand(PCollection<KV<String, Instant>> activity) {
    TypeDescriptor<CohortMark> marks = TypeDescriptor.of(CohortMark.class);
    PCollection<CohortMark> members =
        players.apply("Cohort members", MapElements.into(marks).via(CohortMark::member));
    PCollection<CohortMark> active =
        activity.apply(
            "Days since registering", ParDo.of(new ActiveFn(latest)).withSideInputs(latest));
    return PCollectionList.of(members)
        .and(active)
        .apply("Marks", Flatten.pCollections())
        .apply("Per cohort", aggregate().withEarlyFiringsEvery(earlyFiringsEvery));
  }

  private static final class ActiveFn extends DoFn<KV<String, Instant>, CohortMark> {
    private final PCollectionView<Map<String, Player>> latest;
    private final Counter unknown =
        Metrics.counter(TributaryMetrics.NAMESPACE, "gambling.activityOfUnknownPlayer");

    ActiveFn(PCollectionView<Map<String, Player>> latest) {
      this.latest = latest;
    }

    @ProcessElement
    public void process(@Element KV<String, Instant> activity, ProcessContext context) {
      Player player = context.sideInput(latest).get(activity.getKey());
      if (player == null) {
        unknown.inc();
        return;
      }
      CohortMark mark = CohortMark.active(player, activity.getValue());
      if (mark.dayOffset == 1 || mark.dayOffset == 7) {
        context.output(mark);
      }
    }
  }
}
