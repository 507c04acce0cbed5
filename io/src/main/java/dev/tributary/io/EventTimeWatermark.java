package dev.tributary.io;

import java.util.Optional;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A partition's watermark that follows only its messages' CreateTime: the newest seen, less the
 * allowed delay. Unlike KafkaIO's create-time policy it never looks at the wall clock, which that
 * policy uses twice: it moves a caught-up partition's watermark to the clock, and caps it at the
 * clock. Both break a replay of recorded events at a rate the job keeps up with (the rest of the
 * replay is late once the job first catches up) and of events dated ahead. The price: a partition
 * without new messages holds the watermark back.
 */
final class EventTimeWatermark extends TimestampPolicy<byte[], byte[]> {
  private final Duration maxDelay;
  private Instant newest;

  private EventTimeWatermark(Duration maxDelay, Optional<Instant> previousWatermark) {
    this.maxDelay = maxDelay;
    // After a restore, carry on from the watermark the checkpoint holds rather than start over.
    this.newest =
        previousWatermark.map(w -> w.plus(maxDelay)).orElse(BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  /** A factory of this policy, one per partition, with {@code maxDelay} allowed out of order. */
  static TimestampPolicyFactory<byte[], byte[]> withMaxDelay(Duration maxDelay) {
    return (partition, previousWatermark) -> new EventTimeWatermark(maxDelay, previousWatermark);
  }

  @Override
  public Instant getTimestampForRecord(
      PartitionContext context, KafkaRecord<byte[], byte[]> record) {
    Instant time = new Instant(record.getTimestamp());
    if (time.isAfter(newest)) {
      newest = time;
    }
    return time;
  }

  @Override
  public Instant getWatermark(PartitionContext context) {
    return newest.equals(BoundedWindow.TIMESTAMP_MIN_VALUE) ? newest : newest.minus(maxDelay);
  }
}
