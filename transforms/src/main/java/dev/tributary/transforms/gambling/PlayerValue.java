package dev.tributary.transforms.gambling;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.AggregateWindows;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;

/**
 * Each player's value to date (the view {@code player-value}): completed deposits, withdrawals and
 * bonuses, net deposits (deposits less withdrawals), stakes, payouts and net gaming loss (stakes
 * less payouts), with the player's VIP tier from its latest version (null for a player the player
 * records do not hold).
 *
 * <pre>
 *   placed bets + completed transactions -> PlayerMoney -> Aggregate(per player, all time)
 *     -> with the VIP tier of LatestPlayers
 * </pre>
 */
public class PlayerValue extends PTransform<PCollection<PlacedBet>, PCollection<Row>> {
  public static final String VIEW = "player-value";

  static final Measures<PlayerMoney> MEASURES =
      Measures.<PlayerMoney>of()
          .sum("deposits", m -> m.deposited)
          .sum("withdrawals", m -> m.withdrawn)
          .sum("netDeposits", m -> m.deposited.subtract(m.withdrawn))
          .sum("bonuses", m -> m.bonus)
          .sum("stakes", m -> m.staked)
          .sum("payouts", m -> m.paidOut)
          .sum("netGamingLoss", m -> m.staked.subtract(m.paidOut));

  static final KeyFields<PlayerMoney> KEYS = KeyFields.of("playerId", m -> m.playerId);

  private final PCollection<Transaction> transactions;
  private final PCollectionView<Map<String, Player>> players;
  private final Duration earlyFiringsEvery;

  private PlayerValue(
      PCollection<Transaction> transactions,
      PCollectionView<Map<String, Player>> players,
      Duration earlyFiringsEvery) {
    this.transactions = transactions;
    this.players = players;
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  /** The value of players from their bets and {@code transactions}; tiers from {@code players}. */
  public static PlayerValue with(
      PCollection<Transaction> transactions,
      PCollectionView<Map<String, Player>> players,
      Duration earlyFiringsEvery) {
    return new PlayerValue(transactions, players, earlyFiringsEvery);
  }

  /** playerId, vipTier, the measures, isFinal. */
  public static Schema schema() {
    Schema sums = sums().resultSchema();
    Schema.Builder schema =
        Schema.builder().addStringField("playerId").addNullableField("vipTier", FieldType.STRING);
    for (Schema.Field field : sums.getFields().subList(1, sums.getFieldCount())) {
      schema.addField(field);
    }
    return schema.build();
  }

  private static Aggregate<PlayerMoney> sums() {
    return Aggregate.of(KEYS, MEASURES, AggregateWindows.allTime());
  }

  @Override
  public PCollection<Row> expand(PCollection<PlacedBet> bets) {
    TypeDescriptor<PlayerMoney> money = TypeDescriptor.of(PlayerMoney.class);
    PCollection<PlayerMoney> fromBets =
        bets.apply("Bets as money", MapElements.into(money).via(PlayerMoney::of));
    PCollection<PlayerMoney> fromTransactions =
        transactions
            .apply("Completed", Filter.by((Transaction t) -> t.status.equals("completed")))
            .apply("Transactions as money", MapElements.into(money).via(PlayerMoney::of));
    Schema schema = schema();
    return PCollectionList.of(fromBets)
        .and(fromTransactions)
        .apply("Ledger", Flatten.pCollections())
        .apply("Per player", sums().withEarlyFiringsEvery(earlyFiringsEvery))
        .apply("With VIP tier", ParDo.of(new WithTierFn(players, schema)).withSideInputs(players))
        .setRowSchema(schema);
  }

  /** The row of a player's sums with its tier; shared with the model. */
  static Row withTier(Row sums, String vipTier, Schema schema) {
    List<Object> values = new ArrayList<>(sums.getValues());
    values.add(1, vipTier);
    return Row.withSchema(schema).addValues(values).build();
  }

  private static final class WithTierFn extends DoFn<Row, Row> {
    private final PCollectionView<Map<String, Player>> players;
    private final Schema schema;

    WithTierFn(PCollectionView<Map<String, Player>> players, Schema schema) {
      this.players = players;
      this.schema = schema;
    }

    @ProcessElement
    public void process(@Element Row sums, ProcessContext context) {
      Player player = context.sideInput(players).get(sums.getString("playerId"));
      context.output(withTier(sums, player == null ? null : player.vipTier, schema));
    }
  }
}
