package dev.tributary.transforms.banking;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A card or account transaction, as the bank's systems emit it. Amounts are exact decimals with two
 * places; the event time is when the transaction happened, not when it was received.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Transaction {
  public final String id;
  public final String accountId;
  public final BigDecimal amount;

  /** ISO 4217 code, e.g. EUR. */
  public final String currency;

  public final String merchant;

  /** e.g. grocery, travel, electronics. */
  public final String merchantCategory;

  /** ISO 3166 alpha-2 code of where the transaction took place. */
  public final String country;

  /** POS, ONLINE or ATM. */
  public final String channel;

  public final Instant eventTime;

  @SchemaCreate
  public Transaction(
      String id,
      String accountId,
      BigDecimal amount,
      String currency,
      String merchant,
      String merchantCategory,
      String country,
      String channel,
      Instant eventTime) {
    this.id = id;
    this.accountId = accountId;
    this.amount = amount;
    this.currency = currency;
    this.merchant = merchant;
    this.merchantCategory = merchantCategory;
    this.country = country;
    this.channel = channel;
    this.eventTime = eventTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction t
        && id.equals(t.id)
        && accountId.equals(t.accountId)
        && amount.equals(t.amount)
        && currency.equals(t.currency)
        && merchant.equals(t.merchant)
        && merchantCategory.equals(t.merchantCategory)
        && country.equals(t.country)
        && channel.equals(t.channel)
        && eventTime.equals(t.eventTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, accountId, amount, eventTime);
  }

  @Override
  public String toString() {
    return "Transaction{"
        + id
        + " "
        + accountId
        + " "
        + amount
        + " "
        + currency
        + " "
        + merchantCategory
        + " "
        + country
        + " "
        + channel
        + " @"
        + eventTime
        + "}";
  }
}
