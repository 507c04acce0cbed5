package dev.tributary.transforms.gambling;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/** A platform event from one JSON object; its details, if any, a JSON object. */
public final class EventParser implements RecordParser<Event> {
  @Override
  public Event parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    return new Event(
        json.text("event_id"),
        json.textOrEmpty("player_id"),
        json.text("event_type"),
        json.oneOf("category", GamblingLimits.EVENT_CATEGORIES),
        json.objectOrEmpty("details"),
        json.instant("timestamp"));
  }

  @Override
  public Instant eventTime(Event event) {
    return event.occurredAt;
  }

  @Override
  public TypeDescriptor<Event> type() {
    return TypeDescriptor.of(Event.class);
  }
}
