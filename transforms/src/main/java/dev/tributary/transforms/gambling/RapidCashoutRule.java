package dev.tributary.transforms.gambling;

import dev.tributary.detect.Alert;
import dev.tributary.detect.AlertAttribute;
import dev.tributary.detect.DetectionRule;
import dev.tributary.detect.JudgeInEventTimeFn;
import dev.tributary.transforms.Unwindowed;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * rapid_cashout: a completed withdrawal of at least 80% of a completed deposit of the same player
 * made at most 1 h before it, with the player's stakes between the two under 10% of the deposit.
 * The alert lists the deposit and the withdrawal (the latest such deposit); its measure is the
 * withdrawal's amount. The player's deposits, withdrawals and stakes meet in one {@link
 * JudgeInEventTimeFn}, each withdrawal judged once all that came within the lateness is in.
 */
public class RapidCashoutRule extends DetectionRule<Transaction> {
  public static final String NAME = "rapid_cashout";

  private final PCollection<PlacedBet> bets;
  private final RiskThresholds thresholds;
  private final Duration allowedLateness;

  private RapidCashoutRule(
      PCollection<PlacedBet> bets, RiskThresholds thresholds, Duration allowedLateness) {
    this.bets = bets;
    this.thresholds = thresholds;
    this.allowedLateness = allowedLateness;
  }

  /** The rule over transactions, with the stakes of {@code bets} between them. */
  public static RapidCashoutRule withStakesOf(
      PCollection<PlacedBet> bets, RiskThresholds thresholds, Duration allowedLateness) {
    return new RapidCashoutRule(bets, thresholds, allowedLateness);
  }

  @Override
  public String ruleName() {
    return NAME;
  }

  @Override
  public PCollection<Alert> expand(PCollection<Transaction> transactions) {
    TypeDescriptor<KV<String, CashMove>> keyed =
        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(CashMove.class));
    KvCoder<String, CashMove> coder = KvCoder.of(StringUtf8Coder.of(), CashMove.Coder.INSTANCE);
    PCollection<KV<String, CashMove>> money =
        transactions
            .apply(
                "Completed deposits and withdrawals",
                Filter.by(
                    (Transaction t) ->
                        t.status.equals("completed")
                            && (t.type.equals("deposit") || t.type.equals("withdrawal"))))
            .apply(
                "Key transactions by player", MapElements.into(keyed).via(RapidCashoutRule::move))
            .setCoder(coder);
    PCollection<KV<String, CashMove>> stakes =
        bets.apply(
                "Key stakes by player",
                MapElements.into(keyed)
                    .via(
                        (PlacedBet b) ->
                            KV.of(
                                b.playerId,
                                new CashMove(CashMove.Kind.STAKE, b.betId, b.placedAt, b.stake))))
            .setCoder(coder);
    return PCollectionList.of(money)
        .and(stakes)
        .apply("Money and stakes", Flatten.pCollections())
        // State is kept per key and window: one window, so that a player's state spans all time.
        .apply("In one window", Unwindowed.of())
        .apply(
            "Judge withdrawals",
            ParDo.of(
                new JudgeFn(
                    thresholds,
                    allowedLateness,
                    transactions.isBounded() == PCollection.IsBounded.BOUNDED
                        && bets.isBounded() == PCollection.IsBounded.BOUNDED)))
        .setTypeDescriptor(TypeDescriptor.of(Alert.class));
  }

  static KV<String, CashMove> move(Transaction t) {
    CashMove.Kind kind =
        t.type.equals("deposit") ? CashMove.Kind.DEPOSIT : CashMove.Kind.WITHDRAWAL;
    return KV.of(t.playerId, new CashMove(kind, t.transactionId, t.createdAt, t.amount));
  }

  /**
   * The alert on the withdrawal at {@code index} of a player's moves in time order, or null; shared
   * with the model.
   */
  static Alert judge(String playerId, List<CashMove> moves, int index, RiskThresholds thresholds) {
    CashMove withdrawal = moves.get(index);
    Instant earliest = withdrawal.time().minus(thresholds.cashoutWithin);
    BigDecimal staked = BigDecimal.ZERO;
    for (int i = index - 1; i >= 0 && !moves.get(i).time().isBefore(earliest); i--) {
      CashMove move = moves.get(i);
      if (move.kind() == CashMove.Kind.STAKE) {
        staked = staked.add(move.amount());
      } else if (move.kind() == CashMove.Kind.DEPOSIT
          && withdrawal.amount().compareTo(move.amount().multiply(thresholds.cashoutShare)) >= 0
          && staked.compareTo(move.amount().multiply(thresholds.wageredShare)) < 0) {
        return new Alert(
            Alert.idFor(NAME, withdrawal.id()),
            NAME,
            1,
            "player",
            playerId,
            List.of(move.id(), withdrawal.id()),
            withdrawal.amount(),
            List.of(
                new AlertAttribute("deposit", move.amount().toPlainString()),
                new AlertAttribute("wagered", staked.toPlainString())),
            move.time(),
            withdrawal.time(),
            "HIGH",
            withdrawal.time());
      }
    }
    return null;
  }

  /** Per player: the moves of the last hour and the withdrawals not judged yet. */
  private static final class JudgeFn extends JudgeInEventTimeFn<CashMove> {
    private final RiskThresholds thresholds;

    JudgeFn(RiskThresholds thresholds, Duration allowedLateness, boolean boundedInput) {
      super(NAME, CashMove.Coder.INSTANCE, allowedLateness, boundedInput);
      this.thresholds = thresholds;
    }

    @Override
    protected Comparator<CashMove> order() {
      return CashMove.IN_TIME_ORDER;
    }

    @Override
    protected Instant timeOf(CashMove move) {
      return move.time();
    }

    @Override
    protected boolean needsVerdict(CashMove move) {
      return move.kind() == CashMove.Kind.WITHDRAWAL;
    }

    @Override
    protected int keepFrom(List<CashMove> moves, Instant judgedThrough) {
      // A later withdrawal, after judgedThrough, reaches back to moves after judgedThrough -
      // within.
      return firstAfter(moves, judgedThrough.minus(thresholds.cashoutWithin));
    }

    @Override
    protected Instant dropAt(List<CashMove> remaining, Instant judgedThrough) {
      return remaining.get(remaining.size() - 1).time().plus(thresholds.cashoutWithin);
    }

    @Override
    protected void judge(String playerId, List<CashMove> moves, int index, Consumer<Alert> alerts) {
      Alert alert = RapidCashoutRule.judge(playerId, moves, index, thresholds);
      if (alert != null) {
        alerts.accept(alert);
      }
    }
  }
}
