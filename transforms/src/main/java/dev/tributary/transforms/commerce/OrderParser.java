package dev.tributary.transforms.commerce;

import dev.tributary.transforms.CsvFields;
import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.RecordParser;
import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Reads one CSV row (RFC 4180, the columns of {@link #COLUMNS}) into an {@link Order}. Refuses:
 * malformed CSV, a short or long row, an empty field, a quantity that is not a whole number from 1
 * to {@value #MAX_QUANTITY}, prices that are not positive, above {@value #MAX_MONEY_TEXT} or with
 * more than two decimal places, and times that are not ISO-8601 with an offset.
 */
public final class OrderParser implements RecordParser<Order> {
  /** The columns of an orders file, in order, as its header names them. */
  public static final List<String> COLUMNS =
      List.of(
          "order_id",
          "customer_id",
          "category",
          "product",
          "quantity",
          "unit_price",
          "amount",
          "payment_method",
          "city",
          "timestamp");

  static final int MAX_QUANTITY = 1_000_000;
  static final String MAX_MONEY_TEXT = "1000000000.00";
  private static final BigDecimal MAX_MONEY = new BigDecimal(MAX_MONEY_TEXT);

  @Override
  public Order parse(String payload) throws InvalidRecordException {
    CsvFields row = CsvFields.of(payload, COLUMNS);
    return new Order(
        row.text("order_id"),
        row.text("customer_id"),
        row.text("category"),
        row.text("product"),
        row.positiveInt("quantity", MAX_QUANTITY),
        row.positiveDecimal("unit_price", 2, MAX_MONEY),
        row.positiveDecimal("amount", 2, MAX_MONEY),
        row.text("payment_method"),
        row.text("city"),
        row.instant("timestamp"));
  }

  @Override
  public Instant eventTime(Order order) {
    return order.eventTime;
  }

  @Override
  public TypeDescriptor<Order> type() {
    return TypeDescriptor.of(Order.class);
  }
}
