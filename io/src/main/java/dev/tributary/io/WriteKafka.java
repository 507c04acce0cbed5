package dev.tributary.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.Text;
import dev.tributary.transforms.Unwindowed;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records that have a Beam schema to a Kafka topic: the value is the record as JSON (the
 * schema's field names), the key is one of its fields (e.g. {@code accountId}), so that all records
 * of one key land in one partition, in order.
 *
 * <p>A record whose key and JSON together exceed {@link #DEFAULT_MAX_MESSAGE_BYTES} (or the limit
 * set), which the producer would refuse, failing the job and restarting it over and over, comes out
 * as a dead letter instead, before the write. {@link #deadLettersTo} writes dead letters
 * themselves, each first cut to fit.
 */
public class WriteKafka<T> extends PTransform<PCollection<T>, PCollection<DeadLetter>> {
  /**
   * The largest message written, key and value, in bytes: under the producer's default {@code
   * max.request.size} (1,048,576) with room for the record's headers and framing.
   */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1_000_000;

  private final KafkaConnection kafka;
  private final String topic;
  private final String keyField;
  private final int maxMessageBytes;

  private WriteKafka(KafkaConnection kafka, String topic, String keyField, int maxMessageBytes) {
    this.kafka = kafka;
    this.topic = topic;
    this.keyField = keyField;
    this.maxMessageBytes = maxMessageBytes;
  }

  public static <T> WriteKafka<T> to(KafkaConnection kafka, String topic, String keyField) {
    return new WriteKafka<>(kafka, topic, keyField, DEFAULT_MAX_MESSAGE_BYTES);
  }

  /** Refuses records whose key and JSON exceed {@code maxMessageBytes}. */
  public WriteKafka<T> withMaxMessageBytes(int maxMessageBytes) {
    return new WriteKafka<>(kafka, topic, keyField, maxMessageBytes);
  }

  /**
   * Writes dead letters to {@code topic}, keyed by source, each cut to fit in one message (see
   * {@link DeadLetter#fittedTo}): a dead letter is never refused for its size.
   */
  public static PTransform<PCollection<DeadLetter>, PDone> deadLettersTo(
      KafkaConnection kafka, String topic) {
    return new PTransform<>() {
      @Override
      public PDone expand(PCollection<DeadLetter> deadLetters) {
        deadLetters
            .apply(
                "Fit into one message",
                MapElements.into(TypeDescriptor.of(DeadLetter.class))
                    .via(
                        (DeadLetter d) ->
                            d.fittedTo(DEFAULT_MAX_MESSAGE_BYTES - (int) Text.jsonBytes(d.source))))
            .apply("Write " + topic, WriteKafka.<DeadLetter>to(kafka, topic, "source"));
        return PDone.in(deadLetters.getPipeline());
      }
    };
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<T> records) {
    Schema schema = records.getSchema();
    if (!schema.hasField(keyField)) {
      throw new IllegalArgumentException(
          "records written to " + topic + " have no field '" + keyField + "': " + schema);
    }
    TupleTag<KV<String, String>> fitting = new TupleTag<>() {};
    TupleTag<DeadLetter> tooLarge = new TupleTag<>() {};
    PCollectionTuple messages =
        records.apply(
            "Key by " + keyField + ", value as JSON",
            ParDo.of(
                    new ToKeyedJsonFn<>(
                        schema,
                        records.getToRowFunction(),
                        keyField,
                        topic,
                        maxMessageBytes,
                        fitting,
                        tooLarge))
                .withOutputTags(fitting, TupleTagList.of(tooLarge)));
    messages
        .get(fitting)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("Write " + topic, kafkaWrite());
    return messages
        .get(tooLarge)
        .setTypeDescriptor(TypeDescriptor.of(DeadLetter.class))
        .apply("Unwindow refused", Unwindowed.of());
  }

  private KafkaIO.Write<String, String> kafkaWrite() {
    KafkaIO.Write<String, String> write =
        KafkaIO.<String, String>write()
            .withBootstrapServers(kafka.bootstrapServers())
            .withTopic(topic)
            .withProducerConfigUpdates(KafkaSecrets.withoutSecrets(kafka.clientProperties()))
            .withKeySerializer(StringSerializer.class)
            .withValueSerializer(StringSerializer.class);
    Map<String, Object> secrets = KafkaSecrets.secrets(kafka.clientProperties());
    if (!secrets.isEmpty()) {
      write = write.withProducerFactoryFn(KafkaSecrets.producers(secrets));
    }
    return kafka.exactlyOnceShards() > 0
        ? write.withEOS(kafka.exactlyOnceShards(), kafka.sinkGroup(topic))
        : write;
  }

  /**
   * One record to (key field, JSON), both read from the record's row: no JSON is parsed back. Too
   * large a message is a dead letter.
   */
  private static class ToKeyedJsonFn<T> extends DoFn<T, KV<String, String>> {
    private final Schema schema;
    private final SerializableFunction<T, Row> toRow;
    private final String keyField;
    private final String topic;
    private final int maxMessageBytes;
    private final TupleTag<KV<String, String>> fitting;
    private final TupleTag<DeadLetter> tooLarge;
    private transient ObjectMapper json;

    ToKeyedJsonFn(
        Schema schema,
        SerializableFunction<T, Row> toRow,
        String keyField,
        String topic,
        int maxMessageBytes,
        TupleTag<KV<String, String>> fitting,
        TupleTag<DeadLetter> tooLarge) {
      this.schema = schema;
      this.toRow = toRow;
      this.keyField = keyField;
      this.topic = topic;
      this.maxMessageBytes = maxMessageBytes;
      this.fitting = fitting;
      this.tooLarge = tooLarge;
    }

    @Setup
    public void setup() {
      json = RowJsonUtils.newObjectMapperWith(RowJson.RowJsonSerializer.forSchema(schema));
    }

    @ProcessElement
    public void process(@Element T record, MultiOutputReceiver out) {
      Row row = toRow.apply(record);
      Object keyValue = row.getValue(keyField);
      String key = keyValue == null ? null : keyValue.toString();
      String value = RowJsonUtils.rowToJson(json, row);
      // A character takes at most 3 bytes: only a message that may be too large is measured.
      long atMost = 3L * ((key == null ? 0 : key.length()) + value.length());
      long bytes = atMost <= maxMessageBytes ? 0 : utf8Bytes(key) + utf8Bytes(value);
      if (bytes > maxMessageBytes) {
        out.get(tooLarge)
            .output(
                new DeadLetter(
                    "kafka:" + topic,
                    "write-" + topic,
                    String.format(
                        "message is %,d bytes, over the limit of %,d for topic %s",
                        bytes, maxMessageBytes, topic),
                    value));
        return;
      }
      out.get(fitting).output(KV.of(key, value));
    }

    private static long utf8Bytes(String text) {
      return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
