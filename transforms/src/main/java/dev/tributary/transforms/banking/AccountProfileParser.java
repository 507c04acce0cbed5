package dev.tributary.transforms.banking;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import java.util.Set;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/** Reads one JSON line of the account reference file into an {@link AccountProfile}. */
public final class AccountProfileParser implements RecordParser<AccountProfile> {
  private static final Set<String> RISK_TIERS = Set.of("LOW", "MEDIUM", "HIGH");

  @Override
  public AccountProfile parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    return new AccountProfile(
        json.text("accountId"),
        json.countryCode("homeCountry"),
        json.oneOf("riskTier", RISK_TIERS),
        json.isoDate("openedOn"));
  }

  /** Reference data is not an event: it holds for all time. */
  @Override
  public Instant eventTime(AccountProfile profile) {
    return TIMELESS;
  }

  @Override
  public TypeDescriptor<AccountProfile> type() {
    return TypeDescriptor.of(AccountProfile.class);
  }
}
