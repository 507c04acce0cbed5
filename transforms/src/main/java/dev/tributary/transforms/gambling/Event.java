package dev.tributary.transforms.gambling;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * An analytics or audit event of the platform (a login, a page view, a limit changed), with its
 * details as a JSON object.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Event {
  public final String eventId;

  /** Empty for an event of no player. */
  public final String playerId;

  public final String eventType;

  /** {@code analytics} or {@code audit}. */
  public final String category;

  /** A JSON object, as text. */
  public final String details;

  /** The event time. */
  public final Instant occurredAt;

  @SchemaCreate
  public Event(
      String eventId,
      String playerId,
      String eventType,
      String category,
      String details,
      Instant occurredAt) {
    this.eventId = eventId;
    this.playerId = playerId;
    this.eventType = eventType;
    this.category = category;
    this.details = details;
    this.occurredAt = occurredAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event other
        && Objects.equals(eventId, other.eventId)
        && Objects.equals(playerId, other.playerId)
        && Objects.equals(eventType, other.eventType)
        && Objects.equals(category, other.category)
        && Objects.equals(details, other.details)
        && Objects.equals(occurredAt, other.occurredAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, playerId, eventType, category, details, occurredAt);
  }

  @Override
  public String toString() {
    return "Event{" + eventId + ", " + playerId + ", " + eventType + ", " + category + "}";
  }
}
