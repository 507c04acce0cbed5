package dev.tributary.transforms.commerce;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.CsvHeader;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import dev.tributary.transforms.Parse;
import dev.tributary.transforms.RawRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;

/**
 * The commerce revenue analysis, written once for batch and streaming: raw CSV order rows in (lines
 * of files with a header, or Kafka messages of one row each), and out come the revenue views over
 * all time and per UTC day, the top cities, the orders and the dead letters.
 *
 * <pre>
 *   raw rows -> CsvHeader -> Parse(unique order ids) -> orders
 *     orders -> Aggregate(all | category | payment method | city; all time, day) -> summary, by-*
 *     by-city, by-city-daily -> final panes -> TopK(cities)                           -> top-cities*
 * </pre>
 *
 * Every view holds {@code orders}, {@code units}, {@code revenue} and {@code meanOrderValue} (two
 * places, half-even) per key and window; a top-cities row holds the rank, the city and its revenue.
 */
public class CommerceAnalysis extends PTransform<PCollection<RawRecord>, CommerceOutputs> {
  /** The windows of every view: all time, and UTC days. */
  public static final Duration DAY = Duration.standardDays(1);

  private final int topCities;
  private final Duration allowedLateness;
  private final Duration earlyFiringsEvery;

  private CommerceAnalysis(int topCities, Duration allowedLateness, Duration earlyFiringsEvery) {
    if (topCities < 1) {
      throw new IllegalArgumentException("topCities must be at least 1, got " + topCities);
    }
    this.topCities = topCities;
    this.allowedLateness = allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  /**
   * Ranks {@code topCities} cities; in streaming, daily windows take records up to {@code
   * allowedLateness} late and views fire early panes every {@code earlyFiringsEvery}.
   */
  public static CommerceAnalysis of(
      int topCities, Duration allowedLateness, Duration earlyFiringsEvery) {
    return new CommerceAnalysis(topCities, allowedLateness, earlyFiringsEvery);
  }

  /** What every view measures of the orders. */
  public static final Measures<Order> ORDER_MEASURES =
      Measures.<Order>of()
          .count("orders")
          .sum("units", o -> BigDecimal.valueOf(o.quantity))
          .sum("revenue", o -> o.amount)
          .ratio("meanOrderValue", "revenue", "orders", 2);

  @Override
  public CommerceOutputs expand(PCollection<RawRecord> rows) {
    WithFailures.Result<PCollection<Order>, DeadLetter> parsed =
        rows.apply("Check headers", CsvHeader.expect("orders", OrderParser.COLUMNS))
            .apply(
                "Parse orders",
                Parse.of("orders", new OrderParser()).withUniqueIds(o -> o.orderId));
    PCollection<Order> orders = parsed.output();

    Map<String, PCollection<Row>> views = new LinkedHashMap<>();
    for (CommerceView view : CommerceView.values()) {
      views.put(view.folder(), orders.apply(view.title(), view(view)));
    }
    views.put(
        CommerceView.TOP_CITIES,
        views.get(CommerceView.BY_CITY.folder()).apply("Top cities", TopCities.of(topCities)));
    views.put(
        CommerceView.TOP_CITIES_DAILY,
        views
            .get(CommerceView.BY_CITY_DAILY.folder())
            .apply("Top cities per day", TopCities.of(topCities)));
    return new CommerceOutputs(orders, views, parsed.failures());
  }

  private Aggregate<Order> view(CommerceView view) {
    return Aggregate.of(KeyFields.of(view.keyField(), view.keyOf()), ORDER_MEASURES, view.windows())
        .withAllowedLateness(allowedLateness)
        .withEarlyFiringsEvery(earlyFiringsEvery);
  }
}
