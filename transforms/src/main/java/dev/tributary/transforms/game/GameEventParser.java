package dev.tributary.transforms.game;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import java.util.regex.Pattern;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Reads one event of the game API, a JSON object with the seed's keys: {@code request_id}, {@code
 * event_type}, the request headers {@code Host}, {@code User-Agent} and {@code Accept}, {@code
 * timestamp} and, for posted events, {@code attributes}. A missing {@code User-Agent} or {@code
 * Accept} is read as empty (a request need not send them); everything else is required. Refuses an
 * event type that is not lower-case letters, digits and underscores, and a host longer than {@value
 * #MAX_HOST_CHARS} characters.
 */
public final class GameEventParser implements RecordParser<GameEvent> {
  static final int MAX_HOST_CHARS = 255;
  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern HOST = Pattern.compile("\\S{1," + MAX_HOST_CHARS + "}");

  @Override
  public GameEvent parse(String payload) throws InvalidRecordException {
    JsonFields event = JsonFields.of(payload);
    return new GameEvent(
        event.text("request_id"),
        event.text("event_type", EVENT_TYPE, "lower-case letters, digits and '_', at most 64"),
        event.text("Host", HOST, "a host name without spaces, at most " + MAX_HOST_CHARS),
        optionalHeader(event, "User-Agent"),
        optionalHeader(event, "Accept"),
        event.objectOrEmpty("attributes"),
        event.instant("timestamp"));
  }

  private static String optionalHeader(JsonFields event, String header)
      throws InvalidRecordException {
    return event.has(header) ? event.text(header) : "";
  }

  @Override
  public Instant eventTime(GameEvent event) {
    return event.eventTime;
  }

  @Override
  public TypeDescriptor<GameEvent> type() {
    return TypeDescriptor.of(GameEvent.class);
  }
}
