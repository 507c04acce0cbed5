package dev.tributary.runners.gambling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.pipelines.gambling.GamblingServing;
import dev.tributary.pipelines.gambling.StreamingGamblingPipeline;
import dev.tributary.runners.ViewDocuments;
import dev.tributary.testdata.gambling.GamblingGenerator;
import dev.tributary.testdata.gambling.GamblingProducer;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.gambling.GamblingModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.beam.sdk.PipelineResult;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming gambling job end to end on Flink, with real Kafka and Elasticsearch: a generated
 * world's players and games as files, its sessions, bets, transactions and events (malformed lines
 * and one case of each risk rule among them) through the seed's three topics. Every view in
 * Elasticsearch, the alerts (in Elasticsearch and on the alerts topic) and the count of dead
 * letters equal the model's over the same records.
 */
@Tag("integration")
class GamblingStreamingIT {
  @RegisterExtension
  @Order(1)
  static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  @Order(2)
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  private static final int PARTITIONS = 3;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final String ALERTS = "gambling-alerts";
  private static final String DEAD_LETTERS = "gambling-dead-letters";

  /** After the records: moves every partition's watermark past their windows. */
  private static final Instant FLUSH = Instant.parse("2025-12-31T00:00:00Z");

  @Test
  void everyViewAndAlertEqualsTheModel(@TempDir Path dir) throws Exception {
    GamblingGenerator.Settings settings = new GamblingGenerator.Settings();
    settings.seed = 11;
    settings.players = 30;
    settings.games = 12;
    settings.sessions = 120;
    settings.bets = 700;
    settings.days = 3;
    settings.casesPerRule = 1;
    settings.malformedShare = 0.01;
    GamblingGenerator.Output world = GamblingGenerator.generate(settings);
    Path data = dir.resolve("gambling");
    GamblingGenerator.write(world, data.toString());
    List<RawRecord> raw = new ArrayList<>();
    world.files().forEach((file, lines) -> raw.addAll(RawRecord.ofLines(data + "/" + file, lines)));
    GamblingModel.Result model = new GamblingModel().run(raw);
    Map<String, Set<String>> expected =
        ViewDocuments.ofModel(model.views(), v -> GamblingServing.indexOf(v, "v1"));
    Set<String> expectedAlerts = new TreeSet<>();
    model.alerts().forEach(a -> expectedAlerts.add(a.id));

    for (String topic : GamblingProducer.TOPICS) {
      KAFKA.createTopic(topic, PARTITIONS);
    }
    KAFKA.createTopic(ALERTS, 1);
    KAFKA.createTopic(DEAD_LETTERS, 1);
    List<ProducerRecord<String, String>> messages = new ArrayList<>();
    long sent = 0;
    for (List<GamblingProducer.Message> topic : GamblingProducer.allMessages(world).values()) {
      for (GamblingProducer.Message m : topic) {
        messages.add(
            new ProducerRecord<>(m.topic(), null, m.time().toEpochMilli(), m.key(), m.text()));
        sent++;
      }
    }
    for (String topic : GamblingProducer.TOPICS) {
      for (int p = 0; p < PARTITIONS; p++) {
        messages.add(new ProducerRecord<>(topic, p, FLUSH.toEpochMilli(), "flush", "flush"));
      }
    }
    KAFKA.produce(messages);
    long deadLetters = model.deadLetters().size() + 3L * PARTITIONS;

    PipelineResult job =
        StreamingGamblingPipeline.start(
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--checkpointingInterval=2000",
              "--attachedMode=false",
              "--consumerGroup=it-gambling",
              "--data=" + data,
              "--bootstrapServers=" + KAFKA.bootstrapServers(),
              "--elasticsearchUrl=" + ELASTICSEARCH.url(),
              "--earlyFiringsEvery=PT1S"
            });
    try {
      String alertsIndex = GamblingServing.alertsIndex("v1");
      awaitOrFail(
          job,
          () ->
              expected.equals(ViewDocuments.of(ELASTICSEARCH, expected.keySet()))
                  && expectedAlerts.equals(alertIds(alertsIndex))
                  && KAFKA.count(DEAD_LETTERS) >= deadLetters,
          () ->
              "views differ from the model: "
                  + ViewDocuments.difference(
                      expected, ViewDocuments.of(ELASTICSEARCH, expected.keySet()))
                  + "; alerts "
                  + alertIds(alertsIndex)
                  + " of "
                  + expectedAlerts
                  + "; dead letters "
                  + KAFKA.count(DEAD_LETTERS)
                  + " of "
                  + deadLetters);
      List<String> letters = new ArrayList<>();
      for (var message : KAFKA.readAll(DEAD_LETTERS)) {
        letters.add(message.value());
      }
      assertEquals(deadLetters, letters.size(), String.join("\n", letters));
      List<String> onTopic = new ArrayList<>();
      for (var message : KAFKA.readAll(ALERTS)) {
        onTopic.add(JSON.readTree(message.value()).get("id").asText());
      }
      onTopic.sort(null);
      assertEquals(new ArrayList<>(expectedAlerts), onTopic, "each alert once on the topic");
      Map<String, Long> perRule = new TreeMap<>();
      model.alerts().forEach(a -> perRule.merge(a.rule, 1L, Long::sum));
      System.out.printf(
          "[gambling streaming] %,d messages on 3 topics (%,d records in the world);"
              + " %d views, %s documents equal to the model; alerts %s; %,d dead letters%n",
          sent,
          world.records(),
          expected.size(),
          expected.values().stream().map(Set::size).toList(),
          perRule,
          deadLetters);
    } finally {
      job.cancel();
    }
  }

  private static Set<String> alertIds(String index) {
    Set<String> ids = new TreeSet<>();
    for (JsonNode doc : ViewDocuments.sources(ELASTICSEARCH, Set.of(index)).get(index)) {
      ids.add(doc.get("id").asText());
    }
    return ids;
  }

  private static void awaitOrFail(PipelineResult job, BooleanSupplier done, Supplier<String> why)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (!done.getAsBoolean()) {
      if (job.getState() != PipelineResult.State.RUNNING) {
        throw new AssertionError("the job stopped early: " + job.getState());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(why.get());
      }
      Thread.sleep(1_000);
    }
  }
}
