package dev.tributary.transforms.commerce;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.AggregateWindows;
import dev.tributary.transforms.DecimalCoder;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import dev.tributary.transforms.TopK;
import java.math.BigDecimal;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The k cities with the most revenue per window, ranked from each city's final revenue: rows of
 * {@code rank}, {@code city}, {@code revenue} (and the window for fixed windows). Over all time,
 * the ranking comes when the input ends.
 *
 * <pre>
 *   orders -> Aggregate(revenue per city, final panes) -> (city, revenue) -> TopK(k)
 * </pre>
 */
public class TopCities extends PTransform<PCollection<Order>, PCollection<Row>> {
  private final int k;
  private final AggregateWindows windows;
  private final Duration allowedLateness;

  private TopCities(int k, AggregateWindows windows, Duration allowedLateness) {
    this.k = k;
    this.windows = windows;
    this.allowedLateness = allowedLateness;
  }

  public static TopCities of(int k, AggregateWindows windows, Duration allowedLateness) {
    return new TopCities(k, windows, allowedLateness);
  }

  @Override
  public PCollection<Row> expand(PCollection<Order> orders) {
    return orders
        .apply(
            "Revenue per city",
            Aggregate.of(
                    KeyFields.of("city", (Order o) -> o.city),
                    Measures.<Order>of().sum("revenue", o -> o.amount),
                    windows)
                .withAllowedLateness(allowedLateness)
                .finalPanesOnly())
        .apply(
            "City and revenue",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(), TypeDescriptor.of(BigDecimal.class)))
                .via((Row r) -> KV.of(r.getString("city"), r.getDecimal("revenue"))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), DecimalCoder.of()))
        .apply("Top " + k + " cities", TopK.of(k).withFieldNames("group", "city", "revenue"));
  }
}
