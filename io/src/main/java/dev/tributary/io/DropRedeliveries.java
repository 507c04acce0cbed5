package dev.tributary.io;

import dev.tributary.transforms.TributaryMetrics;
import java.util.HashSet;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka messages with each partition's offsets passed on once: a message at or below the highest
 * offset already passed on for its partition is a redelivery, dropped and counted as {@code
 * kafka.<topic>.redelivered}.
 *
 * <p>Why: Beam 2.62's Flink runner, restoring a job from a savepoint, gives each source reader its
 * restored Kafka splits and then the same splits again, freshly split, which start from the
 * consumer group's committed offsets (beam#31313, fixed in a later Beam). Every message after the
 * savepoint is then read twice. A reader reads a partition in offset order, so the highest offset
 * passed on tells exactly what has been: nothing new is ever dropped. The highest offsets are keyed
 * state, in every checkpoint and savepoint.
 */
public class DropRedeliveries
    extends PTransform<
        PCollection<KafkaRecord<byte[], byte[]>>, PCollection<KafkaRecord<byte[], byte[]>>> {
  private final String topic;

  private DropRedeliveries(String topic) {
    this.topic = topic;
  }

  /** Drops the redeliveries of messages of {@code topic} (which names the counter). */
  public static DropRedeliveries of(String topic) {
    return new DropRedeliveries(topic);
  }

  @Override
  public PCollection<KafkaRecord<byte[], byte[]>> expand(
      PCollection<KafkaRecord<byte[], byte[]>> messages) {
    return messages
        .apply(
            "By partition",
            MapElements.into(new TypeDescriptor<KV<String, KafkaRecord<byte[], byte[]>>>() {})
                .via(message -> KV.of(message.getTopic() + "/" + message.getPartition(), message)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), messages.getCoder()))
        .apply("Above the highest offset passed on", ParDo.of(new AboveHighestOffsetFn(topic)))
        .setCoder(messages.getCoder());
  }

  /** Passes on a message only if its offset is above the highest its partition has passed on. */
  private static final class AboveHighestOffsetFn
      extends DoFn<KV<String, KafkaRecord<byte[], byte[]>>, KafkaRecord<byte[], byte[]>> {
    private static final Logger LOG = LoggerFactory.getLogger(DropRedeliveries.class);

    @StateId("highest")
    private final StateSpec<ValueState<Long>> highestSpec = StateSpecs.value(VarLongCoder.of());

    private final Counter redelivered;

    /** The partitions this instance has warned of, so that it warns once for each. */
    private transient Set<String> warned;

    AboveHighestOffsetFn(String topic) {
      this.redelivered =
          Metrics.counter(TributaryMetrics.NAMESPACE, "kafka." + topic + ".redelivered");
    }

    @Setup
    public void setUp() {
      warned = new HashSet<>();
    }

    @ProcessElement
    public void process(
        @Element KV<String, KafkaRecord<byte[], byte[]>> keyed,
        @StateId("highest") ValueState<Long> highest,
        OutputReceiver<KafkaRecord<byte[], byte[]>> out) {
      KafkaRecord<byte[], byte[]> message = keyed.getValue();
      Long passed = highest.read();
      if (passed != null && message.getOffset() <= passed) {
        redelivered.inc();
        if (warned.add(keyed.getKey())) {
          LOG.warn(
              "Partition {} delivered offset {} again (offsets up to {} are passed on already);"
                  + " dropping its redeliveries, counted as {}",
              keyed.getKey(),
              message.getOffset(),
              passed,
              redelivered.getName());
        }
        return;
      }
      highest.write(message.getOffset());
      out.output(message);
    }
  }
}
