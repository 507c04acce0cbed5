package dev.tributary.transforms.commerce;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * One order of an online shop: what was bought, how it was paid and where it goes. Money is an
 * exact decimal with two places; the event time is when the order was placed.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Order {
  public final String orderId;
  public final String customerId;

  /** The product category, e.g. Electronics. */
  public final String category;

  public final String product;
  public final int quantity;
  public final BigDecimal unitPrice;

  /** What the customer paid for the order. */
  public final BigDecimal amount;

  /** e.g. Credit Card, PayPal. */
  public final String paymentMethod;

  /** The city the order is delivered to. */
  public final String city;

  public final Instant eventTime;

  @SchemaCreate
  public Order(
      String orderId,
      String customerId,
      String category,
      String product,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      String paymentMethod,
      String city,
      Instant eventTime) {
    this.orderId = orderId;
    this.customerId = customerId;
    this.category = category;
    this.product = product;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
    this.amount = amount;
    this.paymentMethod = paymentMethod;
    this.city = city;
    this.eventTime = eventTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Order other
        && orderId.equals(other.orderId)
        && customerId.equals(other.customerId)
        && category.equals(other.category)
        && product.equals(other.product)
        && quantity == other.quantity
        && unitPrice.equals(other.unitPrice)
        && amount.equals(other.amount)
        && paymentMethod.equals(other.paymentMethod)
        && city.equals(other.city)
        && eventTime.equals(other.eventTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(orderId, amount, eventTime);
  }

  @Override
  public String toString() {
    return "Order{" + orderId + " " + category + " " + amount + " " + city + " " + eventTime + "}";
  }
}
