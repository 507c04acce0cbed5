package dev.tributary.transforms.commerce;

import dev.tributary.transforms.DecimalCoder;
import dev.tributary.transforms.TopK;
import java.math.BigDecimal;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The k cities with the most revenue per window, ranked from the final rows of a by-city view (its
 * windows, all time or days, are the ranking's): rows of {@code rank}, {@code city}, {@code
 * revenue} (and the window for days). Over all time, the ranking comes when the input ends.
 *
 * <pre>
 *   by-city rows -> final panes -> (city, revenue) -> TopK(k)
 * </pre>
 */
public class TopCities extends PTransform<PCollection<Row>, PCollection<Row>> {
  private final int k;

  private TopCities(int k) {
    this.k = k;
  }

  public static TopCities of(int k) {
    return new TopCities(k);
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> byCity) {
    return byCity
        .apply("Final revenue per city", Filter.by((Row r) -> r.getBoolean("isFinal")))
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
