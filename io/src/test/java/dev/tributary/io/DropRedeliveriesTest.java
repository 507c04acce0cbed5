package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.transforms.TributaryMetrics;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaRecordCoder;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A partition read again from an earlier offset, as Beam 2.62's Flink runner does after a restore
 * from a savepoint: each message passes once, and the repeats are counted.
 */
// Direct runner only: it runs a TestStream's steps one after the other, the arrival order a Kafka
// reader gives and this test relies on. The runner matrix leaves out the tests so tagged (their
// profiles have no Direct runner).
@Tag("dev.tributary.testing.AssertsArrivalOrder")
@Tag("org.apache.beam.sdk.testing.UsesTestStream")
class DropRedeliveriesTest {
  private static KafkaRecord<byte[], byte[]> message(int partition, long offset) {
    return new KafkaRecord<>(
        "t",
        partition,
        offset,
        offset * 1000,
        KafkaTimestampType.CREATE_TIME,
        null,
        KV.of(new byte[0], ("p" + partition + "@" + offset).getBytes()));
  }

  @Test
  void eachOffsetPassesOnceAndTheRepeatsAreCounted() {
    // One message per step: the Direct runner runs a TestStream's steps in order, as a Kafka
    // reader delivers a partition's messages; a second reader restarts partition 0 at offset 1.
    TestStream.Builder<KafkaRecord<byte[], byte[]>> stream =
        TestStream.create(KafkaRecordCoder.of(ByteArrayCoder.of(), ByteArrayCoder.of()));
    long[][] deliveries = {{0, 0}, {0, 1}, {1, 0}, {0, 2}, {0, 1}, {0, 2}, {1, 1}, {0, 3}, {1, 0}};
    for (long[] d : deliveries) {
      stream = stream.addElements(message((int) d[0], d[1]));
    }
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<String> passed =
        pipeline
            .apply(stream.advanceWatermarkToInfinity())
            .apply(DropRedeliveries.of("t"))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(m -> new String(m.getKV().getValue())));
    PAssert.that(passed).containsInAnyOrder("p0@0", "p0@1", "p0@2", "p0@3", "p1@0", "p1@1");
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    long redelivered = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(
                        MetricNameFilter.named(TributaryMetrics.NAMESPACE, "kafka.t.redelivered"))
                    .build())
            .getCounters()) {
      redelivered += counter.getAttempted();
    }
    assertEquals(3, redelivered, "p0@1, p0@2 and p1@0 delivered again");
  }

  @Test
  void theMessagesKeepTheirEventTimes() {
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Long> times =
        pipeline
            .apply(
                TestStream.create(KafkaRecordCoder.of(ByteArrayCoder.of(), ByteArrayCoder.of()))
                    .addElements(TimestampedValue.of(message(0, 7), new Instant(7000)))
                    .advanceWatermarkToInfinity())
            .apply(DropRedeliveries.of("t"))
            .apply(Reify.timestamps())
            .apply(
                MapElements.into(TypeDescriptors.longs()).via(m -> m.getTimestamp().getMillis()));
    PAssert.that(times).containsInAnyOrder(7000L);
    pipeline.run().waitUntilFinish();
  }
}
