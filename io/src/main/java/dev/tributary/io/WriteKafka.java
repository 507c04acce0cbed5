package dev.tributary.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ToJson;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records that have a Beam schema to a Kafka topic: the value is the record as JSON (the
 * schema's field names), the key is one of its fields (e.g. {@code accountId}), so that all
 * records of one key land in one partition, in order.
 */
public class WriteKafka<T> extends PTransform<PCollection<T>, PDone> {
  private static final ObjectMapper JSON = new ObjectMapper();

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
    String field = keyField;
    return records
        .apply("To JSON", ToJson.of())
        .apply(
            "Key by " + keyField,
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via((String json) -> KV.of(fieldOf(json, field), json)))
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

  private static String fieldOf(String json, String field) {
    try {
      JsonNode value = JSON.readTree(json).get(field);
      return value == null || value.isNull() ? null : value.asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
