package dev.tributary.transforms.game;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A {@link GameEvent} as it lands in the warehouse ({@code extracted_events}, {@code purchases}):
 * its fields are named as the seed's Parquet columns, which its Spark SQL queries read ({@code
 * event_type}, {@code Host}, {@code Accept}, {@code timestamp}). {@code User-Agent} is {@code
 * User_Agent}: Parquet is written through Avro, whose names cannot hold '-'.
 */
@DefaultSchema(JavaFieldSchema.class)
@SuppressWarnings("MemberName") // the names are the warehouse's columns
public final class LandedGameEvent {
  public final String request_id;
  public final String event_type;
  public final String Host;
  public final String User_Agent;
  public final String Accept;
  public final String attributes;
  public final Instant timestamp;

  @SchemaCreate
  public LandedGameEvent(
      String request_id,
      String event_type,
      String Host,
      String User_Agent,
      String Accept,
      String attributes,
      Instant timestamp) {
    this.request_id = request_id;
    this.event_type = event_type;
    this.Host = Host;
    this.User_Agent = User_Agent;
    this.Accept = Accept;
    this.attributes = attributes;
    this.timestamp = timestamp;
  }

  public static LandedGameEvent of(GameEvent e) {
    return new LandedGameEvent(
        e.requestId, e.eventType, e.host, e.userAgent, e.accept, e.attributes, e.eventTime);
  }

  public GameEvent toEvent() {
    return new GameEvent(request_id, event_type, Host, User_Agent, Accept, attributes, timestamp);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LandedGameEvent other && toEvent().equals(other.toEvent());
  }

  @Override
  public int hashCode() {
    return Objects.hash(request_id, event_type, timestamp);
  }
}
