package dev.tributary.runners.banking.bench;

import static org.junit.Assert.assertEquals;

import dev.tributary.runners.banking.bench.StreamingLatencyBench.HourBoundary;
import java.time.Duration;
import java.time.Instant;
import org.junit.Test;

/**
 * When the streaming bench starts its feed so that the watermark passes an hour at a chosen second.
 */
public class HourBoundaryTest {
  private static final Duration OUT_OF_ORDER = Duration.ofMinutes(1);
  private static final long WARM_UP = Duration.ofSeconds(30).toMillis();

  @Test
  public void startsTheFeedSoThatTheWatermarkPassesTheHourAtTheChosenSecond() {
    HourBoundary hour = HourBoundary.next(millis("15:30:00"), WARM_UP, 120, OUT_OF_ORDER);

    assertEquals(millis("16:00:00"), hour.boundary());
    // The watermark trails event time, and so the clock, by the out-of-order bound.
    assertEquals(millis("16:01:00"), hour.watermarkPasses());
    // 30 s of warm-up, then 120 s of measured feed before it.
    assertEquals(millis("15:58:30"), hour.feedStart());
  }

  @Test
  public void startsAtOnceWhenNowIsTheMoment() {
    assertEquals(
        millis("15:58:30"),
        HourBoundary.next(millis("15:58:30"), WARM_UP, 120, OUT_OF_ORDER).feedStart());
  }

  @Test
  public void waitsForTheNextHourWhenThisOnesMomentHasGone() {
    HourBoundary hour = HourBoundary.next(millis("15:58:30.001"), WARM_UP, 120, OUT_OF_ORDER);

    assertEquals(millis("17:00:00"), hour.boundary());
    assertEquals(millis("16:58:30"), hour.feedStart());
  }

  private static long millis(String time) {
    return Instant.parse("2026-11-23T" + time + "Z").toEpochMilli();
  }
}
