package dev.tributary.transforms.gambling;

import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A movement of money on a player's account: a deposit, a withdrawal or a bonus, its payment method
 * and its status.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Transaction {
  public final String transactionId;

  public final String playerId;

  /** {@code deposit}, {@code withdrawal} or {@code bonus}. */
  public final String type;

  /** Two places, greater than 0. */
  public final BigDecimal amount;

  public final String paymentMethod;

  /** {@code completed}, {@code pending} or {@code failed}. */
  public final String status;

  /** The event time. */
  public final Instant createdAt;

  @SchemaCreate
  public Transaction(
      String transactionId,
      String playerId,
      String type,
      BigDecimal amount,
      String paymentMethod,
      String status,
      Instant createdAt) {
    this.transactionId = transactionId;
    this.playerId = playerId;
    this.type = type;
    this.amount = amount;
    this.paymentMethod = paymentMethod;
    this.status = status;
    this.createdAt = createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction other
        && Objects.equals(transactionId, other.transactionId)
        && Objects.equals(playerId, other.playerId)
        && Objects.equals(type, other.type)
        && Objects.equals(amount, other.amount)
        && Objects.equals(paymentMethod, other.paymentMethod)
        && Objects.equals(status, other.status)
        && Objects.equals(createdAt, other.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionId, playerId, type, amount, paymentMethod, status, createdAt);
  }

  @Override
  public String toString() {
    return "Transaction{" + transactionId + ", " + playerId + ", " + type + ", " + amount + "}";
  }
}
