package dev.tributary.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records that have a Beam schema to a Kafka topic: the value is the record as JSON (the
 * schema's field names), the key is one of its fields (e.g. {@code accountId}), so that all records
 * of one key land in one partition, in order.
 */
public class WriteKafka<T> extends PTransform<PCollection<T>, PDone> {
  private final KafkaConnection kafka;
  private final String topic;
  private final String keyField;

  private WriteKafka(KafkaConnection kafka, String topic, String keyField) {
    this.kafka = kafka;
    this.topic = topic;
    this.keyField = keyField;
  }

  public static <T> WriteKafka<T> to(KafkaConnection kafka, String topic, String keyField) {
    return new WriteKafka<>(kafka, topic, keyField);
  }

  @Override
  public PDone expand(PCollection<T> records) {
    Schema schema = records.getSchema();
    if (!schema.hasField(keyField)) {
      throw new IllegalArgumentException(
          "records written to " + topic + " have no field '" + keyField + "': " + schema);
    }
    return records
        .apply(
            "Key by " + keyField + ", value as JSON",
            ParDo.of(new ToKeyedJsonFn<>(schema, records.getToRowFunction(), keyField)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply(
            "Write " + topic,
            KafkaIO.<String, String>write()
                .withBootstrapServers(kafka.bootstrapServers())
                .withTopic(topic)
                .withProducerConfigUpdates(kafka.clientProperties())
                .withKeySerializer(StringSerializer.class)
                .withValueSerializer(StringSerializer.class));
  }

  /** One record to (key field, JSON), both read from the record's row: no JSON is parsed back. */
  private static class ToKeyedJsonFn<T> extends DoFn<T, KV<String, String>> {
    private final Schema schema;
    private final SerializableFunction<T, Row> toRow;
    private final String keyField;
    private transient ObjectMapper json;

    ToKeyedJsonFn(Schema schema, SerializableFunction<T, Row> toRow, String keyField) {
      this.schema = schema;
      this.toRow = toRow;
      this.keyField = keyField;
    }

    @Setup
    public void setup() {
      json = RowJsonUtils.newObjectMapperWith(RowJson.RowJsonSerializer.forSchema(schema));
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<KV<String, String>> out) {
      Row row = toRow.apply(record);
      Object key = row.getValue(keyField);
      out.output(KV.of(key == null ? null : key.toString(), RowJsonUtils.rowToJson(json, row)));
    }
  }
}
