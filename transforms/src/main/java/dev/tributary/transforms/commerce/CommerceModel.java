package dev.tributary.transforms.commerce;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.CsvHeader;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.ParsedRecords;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.TopK;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * {@link CommerceAnalysis} as a plain loop over the rows, with no Beam: the tests' oracle and the
 * bench's baseline. Written again from the definitions; only the header check and the parser are
 * shared.
 */
public final class CommerceModel {
  private static final long DAY_MILLIS = CommerceAnalysis.DAY.getMillis();

  private final int topCities;

  public CommerceModel(int topCities) {
    this.topCities = topCities;
  }

  /** The model's outputs: the orders kept, the views by folder, the dead letters. */
  public record Result(
      List<Order> orders, Map<String, List<Row>> views, List<DeadLetter> deadLetters) {}

  /** The analysis of {@code rows}: lines of CSV files with their headers, or Kafka messages. */
  public Result run(List<RawRecord> rows) {
    List<RawRecord> checked = new ArrayList<>(rows.size());
    for (RawRecord row : rows) {
      CsvHeader.check(row, OrderParser.COLUMNS).ifPresent(checked::add);
    }
    ParsedRecords<Order> parsed =
        ParsedRecords.of("orders", new OrderParser(), o -> o.orderId, checked);
    List<Order> orders = parsed.records();

    Map<String, List<Row>> views = new LinkedHashMap<>();
    for (CommerceView view : CommerceView.values()) {
      views.put(view.folder(), view(orders, view));
    }
    views.put(CommerceView.TOP_CITIES, top(orders, false));
    views.put(CommerceView.TOP_CITIES_DAILY, top(orders, true));
    return new Result(orders, views, parsed.deadLetters());
  }

  /** The start of an order's window: its UTC day, or none over all time. */
  private static Optional<Instant> windowOf(Order order, boolean daily) {
    if (!daily) {
      return Optional.empty();
    }
    return Optional.of(
        new Instant(Math.floorDiv(order.eventTime.getMillis(), DAY_MILLIS) * DAY_MILLIS));
  }

  private record Cell(String key, Optional<Instant> windowStart) {}

  private static Map<Cell, List<Order>> cells(
      List<Order> orders, Function<Order, String> keyOf, boolean daily) {
    Map<Cell, List<Order>> cells = new LinkedHashMap<>();
    for (Order order : orders) {
      cells
          .computeIfAbsent(
              new Cell(keyOf.apply(order), windowOf(order, daily)), c -> new ArrayList<>())
          .add(order);
    }
    return cells;
  }

  private static List<Row> view(List<Order> orders, CommerceView view) {
    Schema schema =
        Aggregate.of(
                KeyFields.of(view.keyField(), view.keyOf()),
                CommerceAnalysis.ORDER_MEASURES,
                view.windows())
            .resultSchema();
    List<Row> rows = new ArrayList<>();
    cells(orders, view.keyOf()::apply, view.daily())
        .forEach(
            (cell, inCell) -> {
              BigDecimal units = BigDecimal.ZERO;
              BigDecimal revenue = BigDecimal.ZERO;
              for (Order order : inCell) {
                units = units.add(BigDecimal.valueOf(order.quantity));
                revenue = revenue.add(order.amount);
              }
              long count = inCell.size();
              List<Object> values = new ArrayList<>();
              values.add(cell.key());
              cell.windowStart()
                  .ifPresent(
                      start -> {
                        values.add(start);
                        values.add(start.plus(CommerceAnalysis.DAY));
                      });
              values.add(count);
              values.add(units);
              values.add(revenue);
              values.add(revenue.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN));
              values.add(true);
              rows.add(Row.withSchema(schema).addValues(values).build());
            });
    return rows;
  }

  /** The cities with most revenue per window, ties to the smaller name. */
  private List<Row> top(List<Order> orders, boolean daily) {
    Schema schema =
        TopK.of(1)
            .withFieldNames("group", "city", "revenue")
            .resultSchema(daily ? FixedWindows.of(CommerceAnalysis.DAY) : new GlobalWindows());
    Map<Optional<Instant>, List<Map.Entry<String, BigDecimal>>> byWindow =
        new TreeMap<>(Comparator.comparing((Optional<Instant> w) -> w.orElse(new Instant(0))));
    cells(orders, o -> o.city, daily)
        .forEach(
            (cell, inCell) ->
                byWindow
                    .computeIfAbsent(cell.windowStart(), w -> new ArrayList<>())
                    .add(
                        Map.entry(
                            cell.key(),
                            inCell.stream()
                                .map(o -> o.amount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add))));
    List<Row> rows = new ArrayList<>();
    byWindow.forEach(
        (window, cities) -> {
          cities.sort(
              Map.Entry.<String, BigDecimal>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()));
          for (int i = 0; i < Math.min(topCities, cities.size()); i++) {
            List<Object> values = new ArrayList<>();
            int rank = i + 1;
            window.ifPresent(
                start -> {
                  values.add(start);
                  values.add(start.plus(CommerceAnalysis.DAY));
                });
            values.add(rank);
            values.add(cities.get(i).getKey());
            values.add(cities.get(i).getValue());
            values.add(true);
            rows.add(Row.withSchema(schema).addValues(values).build());
          }
        });
    return rows;
  }
}
