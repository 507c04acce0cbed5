package dev.tributary.transforms;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads ISO-8601 date-times with an offset fast, for {@link JsonFields} and {@link CsvFields}. */
final class IsoInstants {
  private IsoInstants() {}

  /**
   * The milliseconds since the epoch of an ISO-8601 date-time with an offset. The form the
   * producers here write, UTC to the millisecond or the second ({@code 2026-03-01T10:15:30.250Z},
   * {@code 2026-03-01T10:15:30Z}), is read digit by digit: {@link OffsetDateTime#parse}, which
   * reads every other form, was half the time spent reading a transaction. Both refuse the same
   * values (month 13, 30 February, hour 24), with a {@link DateTimeException} or, out of range, an
   * {@link ArithmeticException}.
   */
  static long epochMillis(String value) {
    int length = value.length();
    boolean utcToTheMillisecond = length == 24 && value.charAt(19) == '.' && digits(value, 20, 23);
    boolean utcToTheSecond = length == 20;
    if (!(utcToTheMillisecond || utcToTheSecond)
        || value.charAt(length - 1) != 'Z'
        || value.charAt(4) != '-'
        || value.charAt(7) != '-'
        || value.charAt(10) != 'T'
        || value.charAt(13) != ':'
        || value.charAt(16) != ':'
        || !digits(value, 0, 4)
        || !digits(value, 5, 7)
        || !digits(value, 8, 10)
        || !digits(value, 11, 13)
        || !digits(value, 14, 16)
        || !digits(value, 17, 19)) {
      return OffsetDateTime.parse(value).toInstant().toEpochMilli();
    }
    int millis = utcToTheMillisecond ? number(value, 20, 23) : 0;
    LocalDateTime time =
        LocalDateTime.of(
            number(value, 0, 4),
            number(value, 5, 7),
            number(value, 8, 10),
            number(value, 11, 13),
            number(value, 14, 16),
            number(value, 17, 19));
    return Math.addExact(Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC), 1000L), millis);
  }

  private static boolean digits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String value, int from, int to) {
    int number = 0;
    for (int i = from; i < to; i++) {
      number = number * 10 + (value.charAt(i) - '0');
    }
    return number;
  }
}
