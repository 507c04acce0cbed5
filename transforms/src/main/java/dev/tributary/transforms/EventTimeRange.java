package dev.tributary.transforms;

import org.joda.time.Instant;

/**
 * The event times every pipeline accepts: from 1970-01-01T00:00:00.000Z to
 * 9999-12-31T23:59:59.999Z, both included. Outside it, {@link Parse} refuses the record.
 *
 * <p>Why these bounds: Beam's fixed windows compute a window's start with the remainder of the
 * timestamp, which puts times before 1970 into the wrong hour and day; after year 9999 a time has
 * no four-digit ISO-8601 form, which Elasticsearch and this project's own parser require when the
 * time is written back; and a time near the end of Beam's global window leaves no room for the
 * timers and window ends that rules set after it.
 */
public final class EventTimeRange {
  /** The first accepted event time. */
  public static final Instant FIRST = Instant.parse("1970-01-01T00:00:00.000Z");

  /** The last accepted event time. */
  public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

  private EventTimeRange() {}

  /** Whether {@code time} lies within the range, bounds included. */
  public static boolean contains(Instant time) {
    return !time.isBefore(FIRST) && !time.isAfter(LAST);
  }

  /** Whether {@code epochMillis} lies within the range, bounds included. */
  public static boolean contains(long epochMillis) {
    return epochMillis >= FIRST.getMillis() && epochMillis <= LAST.getMillis();
  }

  /** The range as the refusals state it. */
  public static String describe() {
    return "1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z";
  }
}
