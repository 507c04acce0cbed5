package dev.tributary.runners.banking.bench;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** The velocity window the streaming bench passes the job with --scaledVelocityWindow. */
public class ScaledVelocityWindowTest {
  @Test
  public void shrinksFiveMinutesAsTheFeedShrinksADay() {
    // A day in 180 s is 480 times faster: 300 s / 480.
    assertEquals("PT0.625S", StreamingLatencyBench.scaledVelocityWindow(180));
    assertEquals("PT0.208S", StreamingLatencyBench.scaledVelocityWindow(60));
    assertEquals("PT5M", StreamingLatencyBench.scaledVelocityWindow(86_400));
  }
}
