package dev.tributary.transforms.game;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * One request a player made to the game API, as the API relayed it to Kafka: what the player did
 * (the event type), who sent it (the request's {@code Host}, {@code User-Agent} and {@code Accept}
 * headers), when the API received it and the request's unique id. The event time is the server's
 * timestamp.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class GameEvent {
  /** The event types of purchases begin with this. */
  public static final String PURCHASE_PREFIX = "purchase_";

  public final String requestId;

  /** e.g. {@code default}, {@code purchase_sword}, {@code upgrade_shield}. */
  public final String eventType;

  /** The request's Host header, which tells players apart, e.g. {@code user1.comcast.com}. */
  public final String host;

  public final String userAgent;
  public final String accept;

  /** Further fields of an event posted as JSON, as a JSON object; {@code {}} for the others. */
  public final String attributes;

  public final Instant eventTime;

  @SchemaCreate
  public GameEvent(
      String requestId,
      String eventType,
      String host,
      String userAgent,
      String accept,
      String attributes,
      Instant eventTime) {
    this.requestId = requestId;
    this.eventType = eventType;
    this.host = host;
    this.userAgent = userAgent;
    this.accept = accept;
    this.attributes = attributes;
    this.eventTime = eventTime;
  }

  /** Whether the player bought something. */
  public boolean isPurchase() {
    return eventType.startsWith(PURCHASE_PREFIX);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GameEvent other
        && requestId.equals(other.requestId)
        && eventType.equals(other.eventType)
        && host.equals(other.host)
        && userAgent.equals(other.userAgent)
        && accept.equals(other.accept)
        && attributes.equals(other.attributes)
        && eventTime.equals(other.eventTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestId, eventType, eventTime);
  }

  @Override
  public String toString() {
    return "GameEvent{" + requestId + ", " + eventType + ", " + host + ", " + eventTime + "}";
  }
}
