package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.banking.BankingModel;
import dev.tributary.banking.FraudThresholds;
import dev.tributary.fraud.Alert;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.pipelines.StreamingFraudDetectionPipeline;
import dev.tributary.testdata.BankingGenerator;
import dev.tributary.testdata.KafkaReplay;
import dev.tributary.transforms.RawRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.PipelineResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming fraud pipeline on Flink, end to end against a real Kafka and Elasticsearch:
 * generated events go into a topic with three partitions, the pipeline (with checkpointing) runs
 * until it has consumed them, and the alerts on the alerts topic and in the index must be exactly
 * the alerts the batch computation finds over the same events: no loss, no duplicates.
 */
@Tag("integration")
class StreamingFraudDetectionIT {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();
  private static final String FLUSH_TIME = "2026-03-03T06:00:00Z";
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void alertsOnTheTopicAndInTheIndexEqualTheBatchAlerts(@TempDir Path dir) throws IOException {
    BankingGenerator.Settings settings = new BankingGenerator.Settings();
    settings.seed = 21;
    settings.accounts = 60;
    settings.days = 1;
    settings.burstsPerAccountDay = 0.3;
    settings.largeAmountShare = 0.02;
    settings.foreignShare = 0.02;
    settings.malformedShare = 0.02;
    BankingGenerator.Output data = BankingGenerator.generate(settings);
    Path accounts = dir.resolve("accounts.jsonl");
    Files.write(accounts, data.accountLines());
    // After the day's events, one later transaction per partition moves every partition's
    // watermark past the day's windows, so that they close without waiting for Kafka to notice
    // idle partitions. They belong to an unknown account and raise nothing; the batch run sees them too.
    List<String> flush = new ArrayList<>();
    for (int partition = 0; partition < 3; partition++) {
      flush.add("{\"id\":\"flush-" + partition + "\",\"accountId\":\"flush-" + partition + "\",\"amount\":1.00,"
          + "\"currency\":\"EUR\",\"merchant\":\"m\",\"merchantCategory\":\"grocery\",\"country\":\"DE\","
          + "\"channel\":\"POS\",\"eventTime\":\"" + FLUSH_TIME + "\"}");
    }
    List<String> events = new ArrayList<>(data.transactionLines());
    events.addAll(flush);
    BankingModel.Result batch =
        new BankingModel(FraudThresholds.DEFAULTS, 10)
            .run(RawRecord.ofLines("tx", events), RawRecord.ofLines("accounts", data.accountLines()));

    KAFKA.createTopic("banking-transactions", 3);
    long sent = KafkaReplay.send(KAFKA.bootstrapServers(), "banking-transactions", data.transactionLines(), 0, 0, Duration.ZERO);
    assertEquals(data.transactionLines().size(), sent);
    List<ProducerRecord<String, String>> flushRecords = new ArrayList<>();
    for (int partition = 0; partition < 3; partition++) {
      flushRecords.add(new ProducerRecord<>("banking-transactions", partition, Instant.parse(FLUSH_TIME).toEpochMilli(),
          "flush-" + partition, flush.get(partition)));
    }
    KAFKA.produce(flushRecords);
    sent += flushRecords.size();

    Set<String> expected = new TreeSet<>();
    for (Alert alert : batch.alerts()) {
      expected.add(describe(alert));
    }
    assertTrue(expected.size() > 20, "the data must raise a good number of alerts, got " + expected.size());

    PipelineResult job =
        StreamingFraudDetectionPipeline.start(
            new String[] {
              "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2", "--checkpointingInterval=2000",
              "--attachedMode=false", "--bootstrapServers=" + KAFKA.bootstrapServers(),
              "--elasticsearchUrl=" + ELASTICSEARCH.url(), "--accounts=" + accounts, "--consumerGroup=it-fraud"
            });
    // Every window closes once the partitions are drained (the watermark then moves to the wall
    // clock): wait until both topics and the index hold what the batch run predicts (the sinks
    // flush independently), then stop the job.
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (KAFKA.count("fraud-alerts") < expected.size()
        || KAFKA.count("banking-dead-letters") < batch.deadLetters().size()
        || ELASTICSEARCH.count("fraud_alerts_v1") < expected.size()) {
      assertEquals(PipelineResult.State.RUNNING, job.getState(), "the streaming job stopped early");
      if (System.nanoTime() > deadline) {
        Set<String> missing = new TreeSet<>(expected);
        for (ConsumerRecord<String, String> record : KAFKA.readAll("fraud-alerts")) {
          missing.remove(describe(JSON.readTree(record.value())));
        }
        throw new AssertionError("after 4 minutes: alerts on the topic " + KAFKA.count("fraud-alerts")
            + ", in the index " + ELASTICSEARCH.count("fraud_alerts_v1") + ", of " + expected.size()
            + "; dead letters " + KAFKA.count("banking-dead-letters") + " of " + batch.deadLetters().size()
            + "; missing on the topic: " + missing);
      }
      pollInterval();
    }
    job.cancel();

    List<ConsumerRecord<String, String>> onTopic = KAFKA.readAll("fraud-alerts");
    List<String> topicAlerts = new ArrayList<>();
    for (ConsumerRecord<String, String> record : onTopic) {
      JsonNode alert = JSON.readTree(record.value());
      assertEquals(alert.get("accountId").asText(), record.key());
      topicAlerts.add(describe(alert));
    }
    assertEquals(expected.size(), topicAlerts.size(), "no alert lost or duplicated on the topic");
    assertEquals(expected, new TreeSet<>(topicAlerts));

    JsonNode hits = JSON.readTree(ELASTICSEARCH.search("fraud_alerts_v1")).get("hits");
    assertEquals(expected.size(), hits.get("total").get("value").asInt(), "one document per alert in the index");
    Set<String> indexed = new TreeSet<>();
    for (JsonNode hit : hits.get("hits")) {
      assertEquals(hit.get("_source").get("id").asText(), hit.get("_id").asText());
      indexed.add(describe(hit.get("_source")));
    }
    assertEquals(expected, indexed);

    List<ConsumerRecord<String, String>> deadLetters = KAFKA.readAll("banking-dead-letters");
    assertEquals(batch.deadLetters().size(), deadLetters.size());
    for (ConsumerRecord<String, String> letter : deadLetters) {
      String source = JSON.readTree(letter.value()).get("source").asText();
      assertTrue(source.matches("kafka:banking-transactions/[0-2]@\\d+"), source);
    }
    System.out.printf("[flink streaming] sent %d, alerts %d on topic, %d in index, dead letters %d; batch alerts %d%n",
        sent, topicAlerts.size(), indexed.size(), deadLetters.size(), expected.size());
  }

  /** The pause between two looks at the topics; the loop's condition is what waits. */
  private static void pollInterval() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Alert a) {
    return String.join("|", a.id, a.rule, a.accountId, String.join(",", a.transactionIds), a.amount.stripTrailingZeros().toPlainString(),
        a.windowStart.toString(), a.windowEnd.toString(), a.severity, a.detectionTime.toString());
  }

  private static String describe(JsonNode a) {
    List<String> ids = new ArrayList<>();
    a.get("transactionIds").forEach(id -> ids.add(id.asText()));
    return String.join("|", a.get("id").asText(), a.get("rule").asText(), a.get("accountId").asText(), String.join(",", ids),
        a.get("amount").decimalValue().stripTrailingZeros().toPlainString(), a.get("windowStart").asText(), a.get("windowEnd").asText(),
        a.get("severity").asText(), a.get("detectionTime").asText());
  }
}
