package dev.tributary.testing;

import dev.tributary.transforms.RawRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Feeds the same raw records to a pipeline in either mode: bounded, as files give them, or as a
 * stream that delivers them out of order and partly late (behind the watermark, but within the
 * allowed lateness), as Kafka might.
 */
public final class EventFeed {
  /** Bounded, or a stream. */
  public enum Mode {
    BATCH,
    STREAMING
  }

  private EventFeed() {}

  /** The records, timestamped, in {@code mode}. */
  public static PCollection<RawRecord> feed(
      Pipeline pipeline,
      String name,
      List<TimestampedValue<RawRecord>> records,
      Mode mode,
      Duration lateness) {
    if (mode == Mode.BATCH) {
      return pipeline.apply(name, Create.timestamped(records).withCoder(coder(pipeline)));
    }
    return pipeline.apply(name, stream(records, coder(pipeline), lateness));
  }

  /** The records as a bounded input with no timestamps of their own: for reference data. */
  public static PCollection<RawRecord> bounded(
      Pipeline pipeline, String name, List<RawRecord> records) {
    return pipeline.apply(name, Create.of(records).withCoder(coder(pipeline)));
  }

  private static Coder<RawRecord> coder(Pipeline pipeline) {
    try {
      return pipeline.getSchemaRegistry().getSchemaCoder(RawRecord.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Chunks of 25 records in event-time order, each chunk shuffled; after each chunk the watermark
   * moves to half the lateness past the earliest record still to come, so that some records arrive
   * late but none later than the lateness allows.
   */
  private static TestStream<RawRecord> stream(
      List<TimestampedValue<RawRecord>> records, Coder<RawRecord> coder, Duration lateness) {
    List<TimestampedValue<RawRecord>> timed = new ArrayList<>(records);
    timed.sort((a, b) -> a.getTimestamp().compareTo(b.getTimestamp()));
    Random random = new Random(7);
    TestStream.Builder<RawRecord> builder = TestStream.create(coder);
    for (int from = 0; from < timed.size(); from += 25) {
      List<TimestampedValue<RawRecord>> chunk =
          new ArrayList<>(timed.subList(from, Math.min(from + 25, timed.size())));
      Collections.shuffle(chunk, random);
      builder =
          builder.addElements(
              chunk.get(0), chunk.subList(1, chunk.size()).toArray(TimestampedValue[]::new));
      if (from + 25 < timed.size()) {
        Instant earliestToCome = timed.get(from + 25).getTimestamp();
        builder =
            builder.advanceWatermarkTo(
                earliestToCome.plus(Duration.millis(lateness.getMillis() / 2)));
      }
    }
    return builder.advanceWatermarkToInfinity();
  }
}
