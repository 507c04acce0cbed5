package dev.tributary.transforms.gambling;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A player's gaming session: the device, the platform, the address and location it came from, and
 * when it started and ended.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Session {
  public final String sessionId;

  public final String playerId;

  public final String deviceId;

  /** {@code mobile} or {@code desktop}. */
  public final String platform;

  public final String ipAddress;

  /** ISO 3166 alpha-2, where the session came from. */
  public final String country;

  /** The event time. */
  public final Instant startedAt;

  public final Instant endedAt;

  @SchemaCreate
  public Session(
      String sessionId,
      String playerId,
      String deviceId,
      String platform,
      String ipAddress,
      String country,
      Instant startedAt,
      Instant endedAt) {
    this.sessionId = sessionId;
    this.playerId = playerId;
    this.deviceId = deviceId;
    this.platform = platform;
    this.ipAddress = ipAddress;
    this.country = country;
    this.startedAt = startedAt;
    this.endedAt = endedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Session other
        && Objects.equals(sessionId, other.sessionId)
        && Objects.equals(playerId, other.playerId)
        && Objects.equals(deviceId, other.deviceId)
        && Objects.equals(platform, other.platform)
        && Objects.equals(ipAddress, other.ipAddress)
        && Objects.equals(country, other.country)
        && Objects.equals(startedAt, other.startedAt)
        && Objects.equals(endedAt, other.endedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        sessionId, playerId, deviceId, platform, ipAddress, country, startedAt, endedAt);
  }

  @Override
  public String toString() {
    return "Session{" + sessionId + ", " + playerId + ", " + deviceId + ", " + platform + "}";
  }
}
