package dev.tributary.transforms.gambling;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/** A gaming session from one JSON object; it may not end before it starts. */
public final class SessionParser implements RecordParser<Session> {
  @Override
  public Session parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    Instant start = json.instant("start_time");
    Instant end = json.instant("end_time");
    if (end.isBefore(start)) {
      throw new InvalidRecordException(
          "the session ends at " + end + ", before it starts at " + start);
    }
    return new Session(
        json.text("session_id"),
        json.text("player_id"),
        json.text("device_id"),
        json.oneOf("platform", GamblingLimits.PLATFORMS),
        json.text("ip_address"),
        json.countryCode("country"),
        start,
        end);
  }

  @Override
  public Instant eventTime(Session session) {
    return session.startedAt;
  }

  @Override
  public TypeDescriptor<Session> type() {
    return TypeDescriptor.of(Session.class);
  }
}
