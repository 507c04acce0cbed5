package dev.tributary.transforms.banking;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Reads one JSON line into a {@link Transaction}. Refuses: malformed JSON, missing or empty fields,
 * amounts that are not positive, above {@value #MAX_AMOUNT_TEXT} or with more than two decimal
 * places, unknown channels, and codes or times in the wrong format.
 */
public final class TransactionParser implements RecordParser<Transaction> {
  static final String MAX_AMOUNT_TEXT = "1000000000.00";
  private static final BigDecimal MAX_AMOUNT = new BigDecimal(MAX_AMOUNT_TEXT);
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Set<String> CHANNELS = Set.of("POS", "ONLINE", "ATM");

  @Override
  public Transaction parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    return new Transaction(
        json.text("id"),
        json.text("accountId"),
        json.positiveDecimal("amount", 2, MAX_AMOUNT),
        json.text("currency", CURRENCY, "an ISO 4217 code (three capital letters)"),
        json.text("merchant"),
        json.text("merchantCategory"),
        json.countryCode("country"),
        json.oneOf("channel", CHANNELS),
        json.instant("eventTime"));
  }

  @Override
  public Instant eventTime(Transaction transaction) {
    return transaction.eventTime;
  }

  @Override
  public TypeDescriptor<Transaction> type() {
    return TypeDescriptor.of(Transaction.class);
  }
}
