package dev.tributary.transforms;

import javax.annotation.Nullable;
import org.joda.time.Instant;

/**
 * What one raw record gives its parser: a record with its event time, or the reason it is refused.
 * The single rule that {@link Parse} and the plain-Java models ({@link ParsedRecords}) both apply:
 * a reader's defect refuses the record unread; a parser's refusal or any failure of the parser on
 * this one record refuses it (only the JVM failing, as in running out of memory, stops the job); an
 * event time outside {@link EventTimeRange} refuses it.
 */
public record ParseAttempt<T>(
    @Nullable T record, @Nullable Instant eventTime, @Nullable String reason) {

  /** Parses {@code raw} with {@code parser}. */
  public static <T> ParseAttempt<T> of(RecordParser<T> parser, RawRecord raw) {
    if (raw.defect != null) {
      return refused(raw.defect);
    }
    T record;
    Instant eventTime;
    try {
      record = parser.parse(raw.payload);
      eventTime = parser.eventTime(record);
    } catch (InvalidRecordException e) {
      return refused(e.getMessage());
    } catch (StackOverflowError | Exception e) {
      return refused("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Error e) {
      return refused("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (!eventTime.equals(RecordParser.TIMELESS) && !EventTimeRange.contains(eventTime)) {
      return refused(
          "event time "
              + eventTime
              + " is outside the accepted range "
              + EventTimeRange.describe());
    }
    return new ParseAttempt<>(record, eventTime, null);
  }

  private static <T> ParseAttempt<T> refused(String reason) {
    return new ParseAttempt<>(null, null, DeadLetter.bounded(String.valueOf(reason)));
  }

  /** Whether the record was refused. */
  public boolean isRefused() {
    return reason != null;
  }
}
