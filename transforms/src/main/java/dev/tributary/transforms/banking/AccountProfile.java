package dev.tributary.transforms.banking;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** Reference data about an account, joined onto its transactions by {@code Enrich}. */
@DefaultSchema(JavaFieldSchema.class)
public final class AccountProfile {
  public final String accountId;

  /** ISO 3166 alpha-2 code of the country the account is held in. */
  public final String homeCountry;

  /** LOW, MEDIUM or HIGH. */
  public final String riskTier;

  /** ISO date (yyyy-MM-dd) the account was opened. */
  public final String openedOn;

  @SchemaCreate
  public AccountProfile(String accountId, String homeCountry, String riskTier, String openedOn) {
    this.accountId = accountId;
    this.homeCountry = homeCountry;
    this.riskTier = riskTier;
    this.openedOn = openedOn;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountProfile a
        && accountId.equals(a.accountId)
        && homeCountry.equals(a.homeCountry)
        && riskTier.equals(a.riskTier)
        && openedOn.equals(a.openedOn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountId, homeCountry, riskTier, openedOn);
  }

  @Override
  public String toString() {
    return "AccountProfile{"
        + accountId
        + " "
        + homeCountry
        + " "
        + riskTier
        + " "
        + openedOn
        + "}";
  }
}
