package dev.tributary.testdata.gambling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.testdata.GeneratorArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The seed's consumer: reads the gambling topics and prints running statistics every 10th message
 * (and at the end): messages per topic, bets with their stakes, payouts and gross gaming revenue,
 * deposits and withdrawals, sessions per platform, events, and the messages that do not read.
 */
public final class GamblingConsumer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GamblingConsumer() {}

  /** Where to read, and for how long. */
  public static final class Settings {
    public String bootstrapServers = "127.0.0.1:9092";
    public List<String> topics = GamblingProducer.TOPICS;

    /** Stop after this many messages; 0 for no limit. */
    public long maxMessages = 0;

    /** Stop after this long without a message; 0 to wait for ever. */
    public double idleSeconds = 0;

    /** Read each topic from its start (a fresh consumer group), not only what comes from now. */
    public boolean fromBeginning = false;

    public long every = 10;
  }

  /** The running statistics. */
  public static final class Statistics {
    long messages;
    final Map<String, Long> perTopic = new TreeMap<>();
    long bets;
    BigDecimal stakes = BigDecimal.ZERO;
    BigDecimal payouts = BigDecimal.ZERO;
    final Map<String, BigDecimal> money = new TreeMap<>();
    final Map<String, Long> sessionsByPlatform = new TreeMap<>();
    long events;
    long unreadable;

    /** Counts one message of {@code topic}. */
    public void add(String topic, String value) {
      messages++;
      perTopic.merge(topic, 1L, Long::sum);
      try {
        JsonNode json = JSON.readTree(value);
        if (json.has("bet_id")) {
          BigDecimal stake = new BigDecimal(json.get("stake").asText());
          BigDecimal payout = new BigDecimal(json.get("payout").asText());
          bets++;
          stakes = stakes.add(stake);
          payouts = payouts.add(payout);
        } else if (json.has("transaction_id")) {
          if ("completed".equals(json.path("status").asText())) {
            money.merge(
                json.get("transaction_type").asText(),
                new BigDecimal(json.get("amount").asText()),
                BigDecimal::add);
          }
        } else if (json.has("start_time")) {
          sessionsByPlatform.merge(json.path("platform").asText("unknown"), 1L, Long::sum);
        } else if (json.has("event_id")) {
          events++;
        } else {
          unreadable++;
        }
      } catch (IOException | RuntimeException e) {
        unreadable++;
      }
    }

    public long messages() {
      return messages;
    }

    public long bets() {
      return bets;
    }

    public long unreadable() {
      return unreadable;
    }

    public void print(PrintStream out) {
      out.printf(
          "[%,d messages] %s | bets %,d: stakes %s, payouts %s, GGR %s | completed %s | sessions %s"
              + " | events %,d | unreadable %,d%n",
          messages,
          perTopic,
          bets,
          stakes.toPlainString(),
          payouts.toPlainString(),
          stakes.subtract(payouts).toPlainString(),
          money,
          sessionsByPlatform,
          events,
          unreadable);
    }
  }

  /** Reads until the message limit or the idle time; prints every {@code every}th message. */
  public static Statistics consume(Settings s, PrintStream out) {
    Statistics statistics = new Statistics();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            s.bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "gambling-consumer-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            s.fromBeginning ? "earliest" : "latest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(s.topics);
      long lastMessage = System.nanoTime();
      while (s.maxMessages <= 0 || statistics.messages < s.maxMessages) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
          if (s.idleSeconds > 0 && System.nanoTime() - lastMessage > s.idleSeconds * 1e9) {
            break;
          }
          continue;
        }
        lastMessage = System.nanoTime();
        for (ConsumerRecord<String, String> record : records) {
          statistics.add(record.topic(), record.value() == null ? "" : record.value());
          if (statistics.messages % s.every == 0) {
            statistics.print(out);
          }
          if (s.maxMessages > 0 && statistics.messages >= s.maxMessages) {
            break;
          }
        }
      }
    }
    out.print("Done. ");
    statistics.print(out);
    return statistics;
  }

  /** {@code GamblingConsumer [--topics a,b] [--max-messages N] [--idle-seconds S] ...}. */
  public static void main(String[] args) {
    Settings s = new Settings();
    boolean run =
        GeneratorArgs.apply(
            args,
            "Usage: GamblingConsumer [--bootstrap-servers HOST:PORT (127.0.0.1:9092)]"
                + " [--topics T1,T2 (gambling-bets,gambling-transactions,gambling-player-activity)]"
                + " [--max-messages N (no limit)] [--idle-seconds S (wait for ever)]"
                + " [--from-beginning true|false (false)]\n"
                + "Reads the gambling topics and prints running statistics every 10th message.",
            (name, value) -> {
              switch (name) {
                case "--bootstrap-servers" -> s.bootstrapServers = value;
                case "--topics" -> s.topics = new ArrayList<>(List.of(value.split(",")));
                case "--max-messages" -> s.maxMessages = Long.parseLong(value);
                case "--idle-seconds" -> s.idleSeconds = Double.parseDouble(value);
                case "--from-beginning" -> s.fromBeginning = Boolean.parseBoolean(value);
                default -> throw GeneratorArgs.unknown(name);
              }
            });
    if (run) {
      consume(s, System.out);
    }
  }
}
