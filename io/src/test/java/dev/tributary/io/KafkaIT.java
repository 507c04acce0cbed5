package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.Parse;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.banking.Transaction;
import dev.tributary.transforms.banking.TransactionParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ReadKafka and WriteKafka against a real broker, on a topic with three partitions. */
@Tag("integration")
class KafkaIT {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  private static String tx(int i) {
    return "{\"id\":\"t"
        + i
        + "\",\"accountId\":\"a"
        + (i % 7)
        + "\",\"amount\":"
        + (10 + i)
        + ".50,\"currency\":\"EUR\","
        + "\"merchant\":\"m\",\"merchantCategory\":\"grocery\",\"country\":\"DE\",\"channel\":\"POS\","
        + "\"eventTime\":\"2026-03-02T10:"
        + String.format("%02d", i)
        + ":00Z\"}";
  }

  @Test
  void readsEveryPartitionDeadLettersTheMalformedMessageAndWritesKeyedJson() throws IOException {
    KAFKA.createTopic("it-transactions", 3);
    List<ProducerRecord<String, String>> messages = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long eventTime = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli() + i * 60_000L;
      messages.add(new ProducerRecord<>("it-transactions", i % 3, eventTime, "a" + (i % 7), tx(i)));
    }
    messages.add(new ProducerRecord<>("it-transactions", 2, null, "a1", "{\"id\":\"broken\""));
    KAFKA.produce(messages);
    // Partition 2 got 10 good messages (offsets 0-9) before the broken one.
    String brokenSource = "kafka:it-transactions/2@10";

    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    KafkaConnection kafka = KafkaConnection.of(KAFKA.bootstrapServers(), "");
    PCollection<RawRecord> raw =
        pipeline.apply(ReadKafka.from(kafka, "it-transactions", "it-group").withMaxRecords(31));
    WithFailures.Result<PCollection<Transaction>, DeadLetter> parsed =
        raw.apply(Parse.of("transactions", new TransactionParser()));
    PAssert.thatSingleton(parsed.output().apply("Count good", Count.globally())).isEqualTo(30L);
    PAssert.that(parsed.failures())
        .containsInAnyOrder(
            new DeadLetter(
                brokenSource,
                "parse-transactions",
                "malformed JSON: Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])",
                "{\"id\":\"broken\""));
    parsed.output().apply(WriteKafka.to(kafka, "it-out", "accountId"));
    pipeline.run().waitUntilFinish();

    List<ConsumerRecord<String, String>> written = KAFKA.readAll("it-out");
    assertEquals(30, written.size());
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    Map<String, Integer> partitionOfKey = new HashMap<>();
    for (ConsumerRecord<String, String> record : written) {
      var value = json.readTree(record.value());
      assertEquals(value.get("accountId").asText(), record.key(), "key is the account id");
      ids.add(value.get("id").asText());
      Integer previous = partitionOfKey.putIfAbsent(record.key(), record.partition());
      assertEquals(
          previous == null ? record.partition() : previous,
          record.partition(),
          "one key, one partition");
    }
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      expected.add("t" + i);
    }
    assertEquals(expected, ids);
  }

  @Test
  void bytesThatAreNotUtf8AreADeadLetterThatKeepsThem() {
    KAFKA.createTopic("it-bytes", 1);
    byte[] invalid = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}'};
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("it-bytes", 0, null, invalid));
    }

    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    KafkaConnection kafka = KafkaConnection.of(KAFKA.bootstrapServers(), "");
    WithFailures.Result<PCollection<Transaction>, DeadLetter> parsed =
        pipeline
            .apply(ReadKafka.from(kafka, "it-bytes", "it-group").withMaxRecords(1))
            .apply(Parse.of("transactions", new TransactionParser()));
    PAssert.that(parsed.output()).empty();
    PAssert.that(parsed.failures())
        .containsInAnyOrder(
            new DeadLetter(
                "kafka:it-bytes/0@0",
                "parse-transactions",
                "not valid UTF-8 (from byte 7); the exact bytes are in payloadBase64",
                "{\"id\":\"\uFFFD\"}",
                Base64.getEncoder().encodeToString(invalid),
                null,
                null));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aMessageTooLargeIsADeadLetterAndADeadLetterIsCutToFit()
      throws IOException, NoSuchAlgorithmException {
    KAFKA.createTopic("it-large", 1);
    KAFKA.createTopic("it-dead", 1);
    String huge = "y".repeat(1_200_000);
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    KafkaConnection kafka = KafkaConnection.of(KAFKA.bootstrapServers(), "");
    PCollection<DeadLetter> tooLarge =
        pipeline
            .apply(Create.of(new DeadLetter("f:1", "parse-x", "some reason", huge)))
            .apply(WriteKafka.to(kafka, "it-large", "source"));
    tooLarge.apply(WriteKafka.deadLettersTo(kafka, "it-dead"));
    pipeline.run().waitUntilFinish();

    assertEquals(0, KAFKA.count("it-large"));
    List<ConsumerRecord<String, String>> dead = KAFKA.readAll("it-dead");
    assertEquals(1, dead.size());
    JsonNode letter = new ObjectMapper().readTree(dead.get(0).value());
    assertEquals("kafka:it-large", letter.get("source").asText());
    String whole =
        "{\"source\":\"f:1\",\"step\":\"parse-x\",\"reason\":\"some reason\","
            + "\"payload\":\""
            + huge
            + "\",\"payloadBase64\":null,\"originalBytes\":null,"
            + "\"originalSha256\":null}";
    // The message is the key, the source "f:1", and the record as JSON.
    assertEquals(
        String.format(
            "message is %,d bytes, over the limit of 1,000,000 for topic it-large",
            3 + whole.length()),
        letter.get("reason").asText());
    assertEquals(whole.length(), letter.get("originalBytes").asLong());
    assertEquals(
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(whole.getBytes(StandardCharsets.UTF_8))),
        letter.get("originalSha256").asText());
    assertTrue(whole.startsWith(letter.get("payload").asText()));
    assertTrue(dead.get(0).value().length() <= WriteKafka.DEFAULT_MAX_MESSAGE_BYTES);
  }
}
