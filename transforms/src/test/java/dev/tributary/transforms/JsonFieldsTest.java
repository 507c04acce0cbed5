package dev.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Date-times read digit by digit give what {@link OffsetDateTime#parse} gives, and refuse what it
 * refuses.
 */
class JsonFieldsTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2026-03-01T10:15:30.250Z",
        "2026-03-01T10:15:30Z",
        "1970-01-01T00:00:00.000Z",
        "1969-12-31T23:59:59.999Z",
        "2024-02-29T23:59:59.999Z",
        "0001-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.999Z",
        // other forms, read by OffsetDateTime.parse
        "2026-03-02T10:00:00.250+01:00",
        "2026-03-01T10:15:30.25Z",
        "2026-03-01T10:15:30.250123Z",
        "2026-03-01T10:15Z"
      })
  void readsTheSameInstantAsOffsetDateTime(String value) {
    assertEquals(
        OffsetDateTime.parse(value).toInstant().toEpochMilli(), IsoInstants.epochMillis(value));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2026-13-01T10:15:30.250Z", "2026-02-30T10:15:30.250Z", "2025-02-29T10:15:30Z",
            "2026-03-01T24:00:00.000Z",
        "2026-03-01T10:60:30Z", "2026-03-01T10:15:60Z", "2026-03-01X10:15:30.250Z",
            "2026-0a-01T10:15:30.250Z",
        "2026-03-01T10:15:30.2a0Z", "2026-03-01T10:15:30.250", "2026-03-01 10:15:30.250Z"
      })
  void refusesWhatOffsetDateTimeRefuses(String value) {
    assertThrows(DateTimeException.class, () -> OffsetDateTime.parse(value));
    assertThrows(DateTimeException.class, () -> IsoInstants.epochMillis(value));
  }
}
