package dev.tributary.io;

import dev.tributary.transforms.RawPayloads;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RawRecordCoder;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.joda.time.Duration;

/**
 * Every message of a Kafka topic as a {@link RawRecord} whose source is {@code
 * kafka:<topic>/<partition>@<offset>}, so that a dead letter points at the exact message.
 *
 * <p>Event time is the message's CreateTime, which producers set to the event's time; the watermark
 * trails the newest event time of each partition by {@code maxOutOfOrder}, and moves to the wall
 * clock once a partition is caught up (KafkaIO's create-time policy), unless the connection says to
 * follow event time only ({@link KafkaConnection#withWatermarkFromEventTimeOnly}, see {@link
 * EventTimeWatermark}). Offsets are committed when Beam finalizes a checkpoint, under the consumer
 * group. A message a runner delivers again after a restore is dropped ({@link DropRedeliveries}).
 * {@link #withMaxRecords} makes the read bounded, for tests on the Direct runner: runners that
 * split the read (Flink) make each split wait for its share of the messages, which unevenly filled
 * partitions never give.
 */
public class ReadKafka extends PTransform<PBegin, PCollection<RawRecord>> {
  private final KafkaConnection kafka;
  private final String topic;
  private final String consumerGroup;
  private final Duration maxOutOfOrder;
  private final long maxRecords;

  private ReadKafka(
      KafkaConnection kafka,
      String topic,
      String consumerGroup,
      Duration maxOutOfOrder,
      long maxRecords) {
    this.kafka = kafka;
    this.topic = topic;
    this.consumerGroup = consumerGroup;
    this.maxOutOfOrder = maxOutOfOrder;
    this.maxRecords = maxRecords;
  }

  /**
   * Reads {@code topic} as consumer group {@code consumerGroup}, from the earliest uncommitted
   * offset.
   */
  public static ReadKafka from(KafkaConnection kafka, String topic, String consumerGroup) {
    return new ReadKafka(kafka, topic, consumerGroup, Duration.standardMinutes(1), 0);
  }

  /** How far out of event-time order messages of one partition may arrive. */
  public ReadKafka withMaxOutOfOrder(Duration maxOutOfOrder) {
    return new ReadKafka(kafka, topic, consumerGroup, maxOutOfOrder, maxRecords);
  }

  /** Stop after this many messages (0: never). */
  public ReadKafka withMaxRecords(long maxRecords) {
    return new ReadKafka(kafka, topic, consumerGroup, maxOutOfOrder, maxRecords);
  }

  @Override
  public PCollection<RawRecord> expand(PBegin begin) {
    Map<String, Object> consumer = new HashMap<>(kafka.clientProperties());
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup);
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaIO.Read<byte[], byte[]> read =
        KafkaIO.<byte[], byte[]>read()
            .withBootstrapServers(kafka.bootstrapServers())
            .withTopic(topic)
            .withKeyDeserializer(ByteArrayDeserializer.class)
            .withValueDeserializer(ByteArrayDeserializer.class)
            .withConsumerConfigUpdates(KafkaSecrets.withoutSecrets(consumer))
            .withTimestampPolicyFactory(
                kafka.watermarkFromEventTimeOnly()
                    ? EventTimeWatermark.withMaxDelay(maxOutOfOrder)
                    : TimestampPolicyFactory.withCreateTime(maxOutOfOrder))
            .commitOffsetsInFinalize();
    Map<String, Object> secrets = KafkaSecrets.secrets(consumer);
    if (!secrets.isEmpty()) {
      read = read.withConsumerFactoryFn(KafkaSecrets.consumers(secrets));
    }
    if (maxRecords > 0) {
      read = read.withMaxNumRecords(maxRecords);
    }
    return begin
        .apply("Read " + topic, read)
        .apply("Drop redeliveries", DropRedeliveries.of(topic))
        .apply(
            "To raw records",
            MapElements.into(TypeDescriptor.of(RawRecord.class)).via(ReadKafka::toRawRecord))
        .setCoder(RawRecordCoder.of());
  }

  /** A message's value, decoded as {@link RawPayloads} decodes any record's bytes. */
  private static RawRecord toRawRecord(KafkaRecord<byte[], byte[]> message) {
    String source =
        "kafka:" + message.getTopic() + "/" + message.getPartition() + "@" + message.getOffset();
    byte[] value = message.getKV().getValue();
    return value == null
        ? new RawRecord(source, "")
        : RawPayloads.decode(source, value, 0, value.length);
  }
}
