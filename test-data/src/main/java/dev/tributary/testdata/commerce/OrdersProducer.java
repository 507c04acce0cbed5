package dev.tributary.testdata.commerce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The seed's producer: sends an orders CSV file to a Kafka topic in batches, one row per message
 * (the header is not sent), keyed by order id so that one order's messages keep their order, and
 * stamped (CreateTime) with the order's time so that a consumer sees event time. A malformed row
 * goes as it is, keyed by its first field if it has one, with its neighbour's time if its own is
 * unreadable: finding it is the consumer's job. Each batch is acknowledged by Kafka before the next
 * is sent; then the producer stops.
 */
public final class OrdersProducer {
  private static final CSVFormat CSV = CSVFormat.RFC4180;

  private OrdersProducer() {}

  /** What to send, and where. */
  public static final class Settings {
    public Path input;
    public String bootstrapServers = "127.0.0.1:9092";
    public String topic = "orders";
    public int batches = 20;
    public int batchSize = 5_000;
    public Duration pause = Duration.ZERO;
  }

  /** Sends up to {@code batches} batches of {@code batchSize} rows; returns how many it sent. */
  public static long send(Settings s) {
    if (s.batches < 1 || s.batchSize < 1) {
      throw new IllegalArgumentException(
          "--batches and --batch-size must be at least 1, got "
              + s.batches
              + " and "
              + s.batchSize);
    }
    long sent = 0;
    long lastTime = 0;
    try (BufferedReader in = Files.newBufferedReader(s.input, StandardCharsets.UTF_8);
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    s.bootstrapServers,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.LINGER_MS_CONFIG,
                    5),
                new StringSerializer(),
                new StringSerializer())) {
      String line = in.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line != null && line.equals(String.join(",", CommerceGenerator.COLUMNS))) {
        line = in.readLine();
      }
      for (int batch = 1; batch <= s.batches && line != null; batch++) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(s.batchSize);
        for (int i = 0; i < s.batchSize && line != null; i++, line = in.readLine()) {
          List<String> fields = fields(line);
          String key = fields.isEmpty() || fields.get(0).isBlank() ? null : fields.get(0);
          lastTime = timeOf(fields, lastTime);
          acks.add(producer.send(new ProducerRecord<>(s.topic, null, lastTime, key, line)));
        }
        for (Future<RecordMetadata> ack : acks) {
          ack.get();
        }
        sent += acks.size();
        System.out.printf(
            "Batch %d/%d: %,d orders sent to %s (%,d in all)%n",
            batch, s.batches, acks.size(), s.topic, sent);
        if (!s.pause.isZero() && line != null) {
          Thread.sleep(s.pause.toMillis());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + s.input, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused a message: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return sent;
  }

  /** The row's fields, or none when it is not one CSV record. */
  private static List<String> fields(String line) {
    try (CSVParser parser = CSVParser.parse(line, CSV)) {
      List<CSVRecord> records = parser.getRecords();
      return records.size() == 1 ? records.get(0).toList() : List.of();
    } catch (IOException | RuntimeException malformed) {
      return List.of();
    }
  }

  /** The order's time from its last field, or {@code previous} when that is unreadable. */
  private static long timeOf(List<String> fields, long previous) {
    if (fields.size() != CommerceGenerator.COLUMNS.size()) {
      return previous;
    }
    try {
      return Instant.parse(fields.get(fields.size() - 1).trim()).toEpochMilli();
    } catch (RuntimeException unreadable) {
      return previous;
    }
  }

  /**
   * {@code OrdersProducer --input FILE [--bootstrap-servers H:P] [--topic T] [--batches N] ...}.
   */
  public static void main(String[] args) {
    Settings s = new Settings();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(
            "Usage: OrdersProducer --input FILE [--bootstrap-servers HOST:PORT (127.0.0.1:9092)]"
                + " [--topic T (orders)] [--batches N (20)] [--batch-size N (5000)] [--pause ISO-8601 (PT0S)]\n"
                + "Sends the rows of an orders CSV (header skipped) to the topic in batches, keyed by order id,"
                + " waits for Kafka to acknowledge each batch, and stops.");
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + arg + " needs a value; see --help");
      }
      String value = args[++i];
      try {
        switch (arg) {
          case "--input" -> s.input = Path.of(value);
          case "--bootstrap-servers" -> s.bootstrapServers = value;
          case "--topic" -> s.topic = value;
          case "--batches" -> s.batches = Integer.parseInt(value);
          case "--batch-size" -> s.batchSize = Integer.parseInt(value);
          case "--pause" -> s.pause = Duration.parse(value);
          default -> throw new IllegalArgumentException("unknown option " + arg + "; see --help");
        }
      } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            "option " + arg + " has a bad value '" + value + "'; see --help", e);
      }
    }
    if (s.input == null) {
      throw new IllegalArgumentException("give --input FILE (an orders CSV); see --help");
    }
    long sent = send(s);
    System.out.printf("Sent %,d orders to %s at %s.%n", sent, s.topic, s.bootstrapServers);
  }
}
