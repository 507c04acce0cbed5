package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The event-time-only watermark follows the messages' times, never the clock. */
class EventTimeWatermarkTest {
  private static final Duration DELAY = Duration.standardMinutes(1);

  /** A caught-up partition: no backlog, checked now. KafkaIO's default would move to the clock. */
  private static final TimestampPolicy.PartitionContext CAUGHT_UP =
      new TimestampPolicy.PartitionContext() {
        @Override
        public long getMessageBacklog() {
          return 0;
        }

        @Override
        public Instant getBacklogCheckTime() {
          return Instant.now();
        }
      };

  private static KafkaRecord<byte[], byte[]> at(String time) {
    return new KafkaRecord<>(
        "t",
        0,
        0,
        Instant.parse(time).getMillis(),
        KafkaTimestampType.CREATE_TIME,
        null,
        KV.of(new byte[0], new byte[0]));
  }

  @Test
  void theWatermarkTrailsTheNewestMessageAndIgnoresTheClock() {
    TimestampPolicy<byte[], byte[]> policy =
        EventTimeWatermark.withMaxDelay(DELAY).createTimestampPolicy(null, Optional.empty());
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, policy.getWatermark(CAUGHT_UP));
    assertEquals(
        Instant.parse("2026-03-02T10:00:00Z"),
        policy.getTimestampForRecord(CAUGHT_UP, at("2026-03-02T10:00:00Z")));
    policy.getTimestampForRecord(CAUGHT_UP, at("2026-03-02T09:00:00Z"));
    assertEquals(Instant.parse("2026-03-02T09:59:00Z"), policy.getWatermark(CAUGHT_UP));
    // A message dated ahead of the clock moves it too: no cap at the clock.
    policy.getTimestampForRecord(CAUGHT_UP, at("2999-01-01T00:00:00Z"));
    assertEquals(Instant.parse("2998-12-31T23:59:00Z"), policy.getWatermark(CAUGHT_UP));
  }

  @Test
  void afterARestoreItCarriesOnFromTheCheckpointedWatermark() {
    TimestampPolicy<byte[], byte[]> policy =
        EventTimeWatermark.withMaxDelay(DELAY)
            .createTimestampPolicy(null, Optional.of(Instant.parse("2026-03-02T12:00:00Z")));
    assertEquals(Instant.parse("2026-03-02T12:00:00Z"), policy.getWatermark(CAUGHT_UP));
    policy.getTimestampForRecord(CAUGHT_UP, at("2026-03-02T11:00:00Z"));
    assertEquals(Instant.parse("2026-03-02T12:00:00Z"), policy.getWatermark(CAUGHT_UP));
  }
}
