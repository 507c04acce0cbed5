package dev.tributary.transforms.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.InvalidRecordException;
import java.math.BigDecimal;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV edge cases: RFC 4180 quoting, and each kind of bad row refused with a reason. */
class OrderParserTest {
  private static final String VALID =
      "ORD-1,CUST-7,Electronics,Laptop,2,999.50,1999.00,Credit Card,Chicago,2025-11-01T10:15:30Z";

  private final OrderParser parser = new OrderParser();

  @Test
  void readsEveryFieldWithExactMoneyAndUtcTime() throws InvalidRecordException {
    assertEquals(
        new Order(
            "ORD-1",
            "CUST-7",
            "Electronics",
            "Laptop",
            2,
            new BigDecimal("999.50"),
            new BigDecimal("1999.00"),
            "Credit Card",
            "Chicago",
            Instant.parse("2025-11-01T10:15:30Z")),
        parser.parse(VALID));
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineEndCharacters() throws InvalidRecordException {
    Order order =
        parser.parse(
            "ORD-1,CUST-7,Electronics,\"27\"\" Monitor, curved\",1,5,5,\"Apple Pay\",\"Saint Paul\r\",2025-11-01T10:15:30+01:00");
    assertEquals("27\" Monitor, curved", order.product);
    assertEquals("Saint Paul\r", order.city);
    assertEquals(new BigDecimal("5.00"), order.amount);
    assertEquals(Instant.parse("2025-11-01T09:15:30Z"), order.eventTime);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "short row|',2025-11-01T10:15:30Z'|''|expected 10 fields (order_id,customer_id,category,product,quantity,unit_price,amount,payment_method,city,timestamp), got 9",
        "long row|'Chicago,'|'Chicago,x,'|expected 10 fields (order_id,customer_id,category,product,quantity,unit_price,amount,payment_method,city,timestamp), got 11",
        "bad quantity|',2,'|',two,'|field 'quantity' must be a whole number, got 'two'",
        "negative quantity|',2,'|',-2,'|field 'quantity' must be from 1 to 1000000, got '-2'",
        "zero quantity|',2,'|',0,'|field 'quantity' must be from 1 to 1000000, got '0'",
        "huge quantity|',2,'|',99999999999999999999,'|field 'quantity' must be a whole number, got '99999999999999999999'",
        "bad price|'999.50'|'9.9.9'|field 'unit_price' must be a number, got '9.9.9'",
        "negative amount|'1999.00'|'-1999.00'|field 'amount' must be greater than 0, got '-1999.00'",
        "three decimals|'1999.00'|'1999.001'|field 'amount' has more than 2 decimal places: '1999.001'",
        "bad date|'2025-11-01T10:15:30Z'|'2025-13-01 10:15'|field 'timestamp' must be an ISO-8601 date-time with offset, got '2025-13-01 10:15'",
        "empty city|'Chicago'|'  '|field 'city' is empty",
        "unterminated quote|'Laptop'|'\"Laptop'|malformed CSV",
        "text after a quote|'Laptop'|'\"Lap\"top'|malformed CSV",
      })
  void refusesWithAReasonThatNamesTheValue(
      String name, String replace, String with, String reason) {
    InvalidRecordException e =
        assertThrows(
            InvalidRecordException.class, () -> parser.parse(VALID.replace(replace, with)));
    assertEquals(true, e.getMessage().startsWith(reason), e.getMessage());
  }

  @Test
  void refusesALineBreakInsideAQuotedField() {
    InvalidRecordException e =
        assertThrows(
            InvalidRecordException.class,
            () -> parser.parse(VALID.replace("Laptop", "\"Lap\ntop\"") + "\nORD-2"));
    assertEquals(true, e.getMessage().contains("line break"), e.getMessage());
  }

  @Test
  void refusesAnEmptyLine() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> parser.parse(" "));
    assertEquals("empty line", e.getMessage());
  }
}
