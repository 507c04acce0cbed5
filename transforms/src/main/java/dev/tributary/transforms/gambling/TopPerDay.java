package dev.tributary.transforms.gambling;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.AggregateWindows;
import dev.tributary.transforms.DecimalCoder;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import dev.tributary.transforms.TopK;
import java.math.BigDecimal;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The k games (or players) with the largest total of a bet's value per UTC day: the day's final
 * totals per key, then {@link TopK}. Rows: windowStart, windowEnd, rank, the key, the total,
 * isFinal. The views {@code top-games-daily} (games by stakes) and {@code top-losers-daily}
 * (players by net loss: stakes less payouts).
 */
public class TopPerDay extends PTransform<PCollection<PlacedBet>, PCollection<Row>> {
  public static final String TOP_GAMES = "top-games-daily";
  public static final String TOP_LOSERS = "top-losers-daily";
  static final Duration DAY = Duration.standardDays(1);

  private final String keyField;
  private final SerializableFunction<PlacedBet, String> keyOf;
  private final String valueField;
  private final SerializableFunction<PlacedBet, BigDecimal> valueOf;
  private final int k;
  private final Duration allowedLateness;

  private TopPerDay(
      String keyField,
      SerializableFunction<PlacedBet, String> keyOf,
      String valueField,
      SerializableFunction<PlacedBet, BigDecimal> valueOf,
      int k,
      Duration allowedLateness) {
    this.keyField = keyField;
    this.keyOf = keyOf;
    this.valueField = valueField;
    this.valueOf = valueOf;
    this.k = k;
    this.allowedLateness = allowedLateness;
  }

  /** The k games with the largest stakes per day. */
  public static TopPerDay gamesByStakes(int k, Duration allowedLateness) {
    return new TopPerDay("gameId", b -> b.gameId, "stakes", b -> b.stake, k, allowedLateness);
  }

  /** The k players with the largest net loss (stakes less payouts) per day. */
  public static TopPerDay playersByNetLoss(int k, Duration allowedLateness) {
    return new TopPerDay(
        "playerId", b -> b.playerId, "netLoss", PlacedBet::grossGamingRevenue, k, allowedLateness);
  }

  SerializableFunction<PlacedBet, String> keyOf() {
    return keyOf;
  }

  SerializableFunction<PlacedBet, BigDecimal> valueOf() {
    return valueOf;
  }

  int k() {
    return k;
  }

  /** The schema of the rows. */
  public Schema resultSchema() {
    return topK().resultSchema(FixedWindows.of(DAY));
  }

  private TopK<KV<String, BigDecimal>> topK() {
    return TopK.of(k).withFieldNames("group", keyField, valueField);
  }

  @Override
  public PCollection<Row> expand(PCollection<PlacedBet> bets) {
    return bets.apply(
            "Total per " + keyField + " per day",
            Aggregate.of(
                    KeyFields.of(keyField, keyOf),
                    Measures.<PlacedBet>of().sum(valueField, valueOf),
                    AggregateWindows.fixed(DAY))
                .withAllowedLateness(allowedLateness)
                .finalPanesOnly())
        .apply(
            keyField + " and total",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(), TypeDescriptor.of(BigDecimal.class)))
                .via((Row r) -> KV.of(r.getString(keyField), r.getDecimal(valueField))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), DecimalCoder.of()))
        .apply("Top " + k, topK());
  }
}
