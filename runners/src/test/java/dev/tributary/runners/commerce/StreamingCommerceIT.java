package dev.tributary.runners.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.io.ReadParquet;
import dev.tributary.pipelines.commerce.StreamingCommercePipeline;
import dev.tributary.testdata.commerce.CommerceGenerator;
import dev.tributary.testdata.commerce.OrdersProducer;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.commerce.CommerceModel;
import dev.tributary.transforms.commerce.CommerceView;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.values.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's producer and consumer end to end against a real Kafka and Elasticsearch: the producer
 * command sends a generated orders file to the {@code orders} topic in batches, the streaming
 * pipeline on Flink's embedded cluster lands them as Parquet and writes the views, and both must
 * equal the batch analysis of the same orders (its plain-Java model, which the shared harness and
 * the batch pipeline's test hold equal to it): every order landed once, each view's documents
 * exactly the model's rows, and every malformed row a dead letter.
 */
@Tag("integration")
class StreamingCommerceIT {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  private static final String TOPIC = "orders";
  private static final String DEAD_LETTERS = "orders-dead-letters";
  private static final int PARTITIONS = 3;

  /** After the orders, one per partition: moves every watermark past the orders' days. */
  private static final String FLUSH_TIME = "2025-11-05T06:00:00Z";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void landedOrdersAndViewsEqualTheBatchAnalysis(@TempDir Path dir) throws Exception {
    CommerceGenerator.Settings settings = new CommerceGenerator.Settings();
    settings.seed = 5;
    settings.orders = 3_000;
    settings.days = 2;
    settings.malformedShare = 0.01;
    CommerceGenerator.Output data = CommerceGenerator.generate(settings);
    CommerceGenerator.write(data, dir);
    Path orders = dir.resolve(CommerceGenerator.ORDERS_FILE);

    List<RawRecord> rows = new ArrayList<>(RawRecord.ofLines(orders.toString(), data.lines()));
    List<ProducerRecord<String, String>> flush = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      String row =
          "FLUSH-" + p + ",CUST-0,Grocery,Tea,1,1.00,1.00,Credit Card,Chicago," + FLUSH_TIME;
      rows.add(new RawRecord("flush-" + p, row));
      flush.add(
          new ProducerRecord<>(
              TOPIC, p, java.time.Instant.parse(FLUSH_TIME).toEpochMilli(), "FLUSH-" + p, row));
    }
    CommerceModel.Result batch = new CommerceModel(10).run(rows);

    KAFKA.createTopic(TOPIC, PARTITIONS);
    OrdersProducer.Settings producer = new OrdersProducer.Settings();
    producer.input = orders;
    producer.bootstrapServers = KAFKA.bootstrapServers();
    producer.batches = 3;
    producer.batchSize = 1_000;
    assertEquals(settings.orders, OrdersProducer.send(producer));
    KAFKA.produce(flush);

    Path landing = dir.resolve("landing");
    PipelineResult job =
        StreamingCommercePipeline.start(
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--checkpointingInterval=2000",
              "--attachedMode=false",
              "--consumerGroup=it-commerce",
              "--bootstrapServers=" + KAFKA.bootstrapServers(),
              "--elasticsearchUrl=" + ELASTICSEARCH.url(),
              "--landingOutput=" + landing,
              "--landEvery=PT2S",
              "--earlyFiringsEvery=PT1S"
            });
    Map<String, Set<String>> expected = expectedDocuments(batch);
    Set<String> expectedIds = new TreeSet<>();
    batch.orders().forEach(o -> expectedIds.add(o.orderId));
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (!expected.equals(documents(expected.keySet()))
        || landedIds(landing).size() < expectedIds.size()
        || KAFKA.count(DEAD_LETTERS) < batch.deadLetters().size()) {
      if (job.getState() != PipelineResult.State.RUNNING) {
        throw new AssertionError("the streaming job stopped early: " + job.getState());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "after 4 minutes: landed "
                + landedIds(landing).size()
                + " of "
                + expectedIds.size()
                + " orders, dead letters "
                + KAFKA.count(DEAD_LETTERS)
                + " of "
                + batch.deadLetters().size()
                + "; views differ: "
                + difference(expected, documents(expected.keySet())));
      }
      Thread.sleep(1_000);
    }
    job.cancel();

    List<String> landed = landedIds(landing);
    assertEquals(expectedIds.size(), landed.size(), "every order landed once");
    assertEquals(expectedIds, new TreeSet<>(landed));
    assertEquals(batch.deadLetters().size(), KAFKA.count(DEAD_LETTERS));
    assertEquals(
        0,
        ELASTICSEARCH.count(StreamingCommercePipeline.indexOf(CommerceView.TOP_CITIES, "v1")),
        "the ranking over all time comes only when the input ends");
    System.out.printf(
        "[flink streaming commerce] sent %d rows + %d flush, landed %d orders, dead letters %d,"
            + " view documents %s, as the batch analysis's%n",
        settings.orders,
        PARTITIONS,
        landed.size(),
        batch.deadLetters().size(),
        expected.values().stream().map(Set::size).toList());
  }

  /**
   * Per index, the model's rows as the documents must describe them: every all-time view (its
   * running total once every order is in), the daily views and top cities of the closed days.
   */
  private static Map<String, Set<String>> expectedDocuments(CommerceModel.Result batch) {
    org.joda.time.Instant flush = org.joda.time.Instant.parse(FLUSH_TIME);
    Map<String, Set<String>> expected = new TreeMap<>();
    batch
        .views()
        .forEach(
            (folder, rows) -> {
              if (folder.equals(CommerceView.TOP_CITIES)) {
                return;
              }
              Set<String> described = new TreeSet<>();
              for (Row row : rows) {
                boolean daily = row.getSchema().hasField("windowEnd");
                if (!daily || !row.getDateTime("windowEnd").isAfter(flush)) {
                  described.add(describe(row.getSchema().getFieldNames(), row::getValue, daily));
                }
              }
              expected.put(StreamingCommercePipeline.indexOf(folder, "v1"), described);
            });
    return expected;
  }

  private static Map<String, Set<String>> documents(Set<String> indexes) throws IOException {
    org.joda.time.Instant flush = org.joda.time.Instant.parse(FLUSH_TIME);
    Map<String, Set<String>> documents = new TreeMap<>();
    for (String index : indexes) {
      Set<String> described = new TreeSet<>();
      if (ELASTICSEARCH.count(index) > 0) {
        for (JsonNode hit : JSON.readTree(ELASTICSEARCH.search(index)).get("hits").get("hits")) {
          JsonNode doc = hit.get("_source");
          List<String> fields = new ArrayList<>();
          doc.fieldNames().forEachRemaining(fields::add);
          boolean daily = doc.has("windowEnd");
          if (daily
              && (!doc.get("isFinal").asBoolean()
                  || org.joda.time.Instant.parse(doc.get("windowEnd").asText()).isAfter(flush))) {
            continue;
          }
          described.add(describe(fields, doc::get, daily));
        }
      }
      documents.put(index, described);
    }
    return documents;
  }

  /** The fields but isFinal, numbers in plain form, times as instants: "city=Chicago|orders=3". */
  private static String describe(
      List<String> fields, java.util.function.Function<String, Object> valueOf, boolean daily) {
    List<String> parts = new ArrayList<>();
    for (String field : fields) {
      if (field.equals("isFinal")) {
        continue;
      }
      Object value = valueOf.apply(field);
      String text;
      if (value instanceof JsonNode node) {
        text =
            node.isNumber() || field.equals("revenue") || field.equals("meanOrderValue")
                ? plain(new BigDecimal(node.asText()))
                : field.startsWith("window")
                    ? org.joda.time.Instant.parse(node.asText()).toString()
                    : node.asText();
      } else if (value instanceof BigDecimal decimal) {
        text = plain(decimal);
      } else if (value instanceof Number number) {
        text = plain(new BigDecimal(number.toString()));
      } else if (value instanceof org.joda.time.ReadableInstant instant) {
        text = new org.joda.time.Instant(instant.getMillis()).toString();
      } else {
        text = String.valueOf(value);
      }
      parts.add(field + "=" + text);
    }
    return String.join("|", parts);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String difference(
      Map<String, Set<String>> expected, Map<String, Set<String>> got) {
    List<String> report = new ArrayList<>();
    expected.forEach(
        (index, docs) -> {
          Set<String> missing = new TreeSet<>(docs);
          missing.removeAll(got.getOrDefault(index, Set.of()));
          if (!missing.isEmpty()) {
            report.add(index + " lacks " + missing.size() + ", e.g. " + missing.iterator().next());
          }
        });
    return report.toString();
  }

  /** The order ids of every landed Parquet file, one per row read. */
  private static List<String> landedIds(Path landing) throws IOException {
    List<String> ids = new ArrayList<>();
    MatchResult match =
        FileSystems.match(ReadParquet.allPartitions(landing.toString()), EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata file : match.metadata()) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(
                  HadoopInputFile.fromPath(
                      new org.apache.hadoop.fs.Path(file.resourceId().toString()),
                      new Configuration()))
              .build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          ids.add(record.get("orderId").toString());
        }
      }
    }
    return ids;
  }
}
