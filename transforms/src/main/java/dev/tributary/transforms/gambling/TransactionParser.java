package dev.tributary.transforms.gambling;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/** A deposit, withdrawal or bonus from one JSON object. */
public final class TransactionParser implements RecordParser<Transaction> {
  @Override
  public Transaction parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    return new Transaction(
        json.text("transaction_id"),
        json.text("player_id"),
        json.oneOf("transaction_type", GamblingLimits.TRANSACTION_TYPES),
        json.positiveDecimal("amount", 2, GamblingLimits.MAX_MONEY),
        json.text("payment_method"),
        json.oneOf("status", GamblingLimits.TRANSACTION_STATUSES),
        json.instant("timestamp"));
  }

  @Override
  public Instant eventTime(Transaction transaction) {
    return transaction.createdAt;
  }

  @Override
  public TypeDescriptor<Transaction> type() {
    return TypeDescriptor.of(Transaction.class);
  }
}
