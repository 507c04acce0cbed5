package dev.tributary.transforms.gambling;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A player account, as the seed's player model describes it: balance, KYC status, VIP tier,
 * country, when registered, and the ids of the devices it has used.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Player {
  public final String playerId;

  public final String username;

  /** ISO 3166 alpha-2. */
  public final String country;

  public final Instant registeredAt;

  /** Two places. */
  public final BigDecimal balance;

  /** {@code pending}, {@code verified} or {@code rejected}. */
  public final String kycStatus;

  /** {@code bronze}, {@code silver}, {@code gold} or {@code platinum}. */
  public final String vipTier;

  public final List<String> deviceIds;

  /** When this version of the account was recorded: the event time. */
  public final Instant updatedAt;

  @SchemaCreate
  public Player(
      String playerId,
      String username,
      String country,
      Instant registeredAt,
      BigDecimal balance,
      String kycStatus,
      String vipTier,
      List<String> deviceIds,
      Instant updatedAt) {
    this.playerId = playerId;
    this.username = username;
    this.country = country;
    this.registeredAt = registeredAt;
    this.balance = balance;
    this.kycStatus = kycStatus;
    this.vipTier = vipTier;
    this.deviceIds = List.copyOf(deviceIds);
    this.updatedAt = updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Player other
        && Objects.equals(playerId, other.playerId)
        && Objects.equals(username, other.username)
        && Objects.equals(country, other.country)
        && Objects.equals(registeredAt, other.registeredAt)
        && Objects.equals(balance, other.balance)
        && Objects.equals(kycStatus, other.kycStatus)
        && Objects.equals(vipTier, other.vipTier)
        && Objects.equals(deviceIds, other.deviceIds)
        && Objects.equals(updatedAt, other.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        playerId,
        username,
        country,
        registeredAt,
        balance,
        kycStatus,
        vipTier,
        deviceIds,
        updatedAt);
  }

  @Override
  public String toString() {
    return "Player{" + playerId + ", " + username + ", " + country + ", " + registeredAt + "}";
  }
}
