package dev.tributary.transforms.social;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A user as last updated, with the seed's fields: karma is the user's total at {@code timestamp}.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class User {
  public final String userId;
  public final String username;
  public final long karma;
  public final Instant createdUtc;

  /** When this update of the user was recorded: the event time. */
  public final Instant timestamp;

  @SchemaCreate
  public User(String userId, String username, long karma, Instant createdUtc, Instant timestamp) {
    this.userId = userId;
    this.username = username;
    this.karma = karma;
    this.createdUtc = createdUtc;
    this.timestamp = timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User other
        && userId.equals(other.userId)
        && username.equals(other.username)
        && karma == other.karma
        && createdUtc.equals(other.createdUtc)
        && timestamp.equals(other.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, karma, timestamp);
  }

  @Override
  public String toString() {
    return "User{" + userId + ", karma " + karma + ", " + timestamp + "}";
  }
}
