package dev.tributary.runners.banking.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.tributary.runners.banking.bench.StreamingLatencyBench.FeedLine;
import java.util.Set;
import org.junit.Test;

/**
 * How the streaming bench stamps a generated line with the time it is sent, and which lines it
 * leaves alone.
 */
public class FeedLineTest {
  private static final String NOW = "2026-11-23T21:00:00.123Z";

  @Test
  public void stampsAValidLineWithTheTimeItIsSent() {
    FeedLine line =
        FeedLine.of(
            "{\"id\":\"tx-1\",\"amount\":5.00,\"eventTime\":\"2026-01-01T08:00:00Z\",\"channel\":\"ONLINE\"}",
            Set.of("tx-1"));

    assertEquals(
        "{\"id\":\"tx-1\",\"amount\":5.00,\"eventTime\":\"" + NOW + "\",\"channel\":\"ONLINE\"}",
        line.stampedWith(NOW));
    assertEquals("tx-1", line.watchedId());
  }

  @Test
  public void leavesALineWithABrokenTimeBrokenSoThatItStaysADeadLetter() {
    String broken =
        "{\"id\":\"bad-4\",\"amount\":5.00,\"eventTime\":\"2026-13-45 25:61\",\"channel\":\"ONLINE\"}";

    FeedLine line = FeedLine.of(broken, Set.of());

    assertEquals(broken, line.stampedWith(NOW));
    assertNull(line.watchedId());
  }

  @Test
  public void leavesALineWithoutATimeAsItIs() {
    String cut = "{\"id\":\"bad-0\",\"amou";

    assertEquals(cut, FeedLine.of(cut, Set.of()).stampedWith(NOW));
  }
}
