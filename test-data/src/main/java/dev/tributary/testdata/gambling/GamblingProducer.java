package dev.tributary.testdata.gambling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.testdata.GeneratorArgs;
import dev.tributary.testdata.KafkaTopics;
import dev.tributary.testdata.Pacer;
import dev.tributary.testdata.WeightedChoice;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The seed's live producer: the generated world's sessions, bets, transactions and events to the
 * seed's three topics at a fixed rate in its traffic mix, {@code gambling-bets} 60%, {@code
 * gambling-transactions} 20%, {@code gambling-player-activity} 20% (sessions and events), each
 * topic's records in their event-time order. Each record is stamped with the time it is sent (its
 * time fields; a session keeps its length) and so is the message's CreateTime, so the streaming
 * job's windows are the wall clock's. Malformed lines go as they are. Messages are keyed by player.
 * The players and games are those {@link GamblingGenerator} writes with the same settings: point
 * the streaming job's {@code --data} at them. Topics that do not exist are created.
 */
public final class GamblingProducer {
  public static final String BETS_TOPIC = "gambling-bets";
  public static final String TRANSACTIONS_TOPIC = "gambling-transactions";
  public static final String ACTIVITY_TOPIC = "gambling-player-activity";
  public static final List<String> TOPICS = List.of(BETS_TOPIC, TRANSACTIONS_TOPIC, ACTIVITY_TOPIC);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> TOPIC_OF_ENTITY =
      Map.of(
          "bets", BETS_TOPIC,
          "transactions", TRANSACTIONS_TOPIC,
          "sessions", ACTIVITY_TOPIC,
          "events", ACTIVITY_TOPIC);

  private GamblingProducer() {}

  /** What to send, and where. */
  public static final class Settings {
    public String bootstrapServers = "127.0.0.1:9092";
    public double rate = 10;
    public double durationSeconds = 60;

    /** Stop after this many messages; 0 for no limit but the duration and the world. */
    public long messages = 0;

    public int partitions = 3;

    /** The shares of bets, transactions and player activity. */
    public double[] mix = {0.6, 0.2, 0.2};

    /** The world the records come from: the generator's settings (its defaults, seed 42). */
    public GamblingGenerator.Settings world = new GamblingGenerator.Settings();
  }

  /**
   * One message: its topic, key (the player; null for a malformed line), text, entity, whether it
   * is malformed, and its event time as generated (a malformed line's: that of the line before it).
   */
  public record Message(
      String topic, String key, String text, String entity, boolean malformed, Instant time) {}

  /** What was sent, per topic; and how many were malformed. */
  public record Summary(Map<String, Long> perTopic, long malformed, double seconds, boolean spent) {
    public long total() {
      return perTopic.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * The messages in the order they are sent, as generated (before they are stamped): each one's
   * topic drawn in the mix from the seed, then that topic's next record; ends when a topic has no
   * records left.
   */
  public static List<Message> messages(Settings s, long limit) {
    Map<String, Deque<Message>> queues = new LinkedHashMap<>();
    allMessages(GamblingGenerator.generate(s.world))
        .forEach((topic, messages) -> queues.put(topic, new ArrayDeque<>(messages)));
    Random random = new Random(s.world.seed * 7 + 1);
    List<Message> messages = new ArrayList<>();
    while (limit <= 0 || messages.size() < limit) {
      String topic = WeightedChoice.pick(random, TOPICS, s.mix);
      Message next = queues.get(topic).poll();
      if (next == null) {
        break;
      }
      messages.add(next);
    }
    return messages;
  }

  /** Every event record of {@code world} as a message, per topic in event-time order. */
  public static Map<String, List<Message>> allMessages(GamblingGenerator.Output world) {
    Map<String, List<Message>> all = new LinkedHashMap<>();
    Map<String, List<TimedLine>> perTopic = new LinkedHashMap<>();
    TOPICS.forEach(t -> perTopic.put(t, new ArrayList<>()));
    Set<String> malformed = new java.util.HashSet<>();
    world.malformed().forEach(m -> malformed.add(m.file() + ":" + m.line()));
    world
        .files()
        .forEach(
            (file, lines) -> {
              String entity = file.substring(0, file.indexOf('/'));
              String topic = TOPIC_OF_ENTITY.get(entity);
              if (topic != null) {
                perTopic.get(topic).addAll(timed(file, entity, lines, malformed));
              }
            });
    perTopic.forEach(
        (topic, lines) -> {
          // Stable: sessions and events of one time keep their files' order.
          lines.sort(java.util.Comparator.comparing(TimedLine::time));
          List<Message> messages = new ArrayList<>();
          for (TimedLine line : lines) {
            messages.add(message(topic, line));
          }
          all.put(topic, messages);
        });
    return all;
  }

  private record TimedLine(
      String entity, String text, String time, JsonNode json, boolean malformed) {}

  /** Each line with its time; a malformed line takes the time of the line before it. */
  private static List<TimedLine> timed(
      String file, String entity, List<String> lines, Set<String> malformed) {
    List<TimedLine> timed = new ArrayList<>();
    String last = "";
    for (String line : lines) {
      boolean broken = malformed.contains(file + ":" + (timed.size() + 1));
      JsonNode json = null;
      try {
        json = JSON.readTree(line);
      } catch (IOException unreadable) {
        // a malformed line, sent as it is, in its place
      }
      if (!broken) {
        last = time(json, last);
      }
      timed.add(new TimedLine(entity, line, last, json, broken));
    }
    return timed;
  }

  private static String time(JsonNode json, String otherwise) {
    for (String field : List.of("placed_at", "start_time", "timestamp")) {
      if (json != null && json.hasNonNull(field)) {
        return json.get(field).asText();
      }
    }
    return otherwise;
  }

  private static Message message(String topic, TimedLine line) {
    String key =
        line.json() != null && line.json().hasNonNull("player_id")
            ? line.json().get("player_id").asText()
            : null;
    return new Message(
        topic,
        key,
        line.text(),
        line.entity(),
        line.malformed(),
        line.time().isEmpty() ? Instant.EPOCH : Instant.parse(line.time()));
  }

  /** The message as sent at {@code now}: its times are the sending time. */
  public static String stamped(Message message, Instant now) {
    if (message.malformed()) {
      return message.text();
    }
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(message.text());
      switch (message.entity()) {
        case "bets" -> json.put("placed_at", now.toString());
        case "sessions" -> {
          long length =
              Instant.parse(json.get("end_time").asText()).toEpochMilli()
                  - Instant.parse(json.get("start_time").asText()).toEpochMilli();
          json.put("start_time", now.toString());
          json.put("end_time", now.plusMillis(length).toString());
        }
        default -> json.put("timestamp", now.toString());
      }
      return json.toString();
    } catch (IOException e) {
      throw new IllegalStateException("the generator wrote unreadable JSON: " + message.text(), e);
    }
  }

  /** Sends until the duration, the message limit or the world's records end. */
  public static Summary send(Settings s, Consumer<String> progress) {
    return send(s, progress, (message, text) -> {});
  }

  /**
   * As {@link #send(Settings, Consumer)}, giving {@code sent} each message and its text as sent.
   */
  public static Summary send(
      Settings s, Consumer<String> progress, java.util.function.BiConsumer<Message, String> sent) {
    if (s.rate <= 0 || s.durationSeconds <= 0 || s.partitions < 1) {
      throw new IllegalArgumentException(
          "--rate and --duration must be positive and --partitions at least 1, got "
              + s.rate
              + ", "
              + s.durationSeconds
              + " and "
              + s.partitions);
    }
    long wanted = (long) Math.ceil(s.rate * s.durationSeconds);
    long limit = s.messages > 0 ? Math.min(s.messages, wanted) : wanted;
    List<Message> messages = messages(s, limit);
    createMissingTopics(s);
    Map<String, Long> perTopic = new TreeMap<>();
    long malformed = 0;
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong acknowledged = new AtomicLong();
    Pacer pacer = new Pacer(s.rate);
    long started = System.nanoTime();
    long deadline = started + (long) (s.durationSeconds * 1e9);
    long count = 0;
    try (KafkaProducer<String, String> producer =
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
      for (Message message : messages) {
        if (System.nanoTime() >= deadline || failure.get() != null || !pacer.awaitTurn(count)) {
          break;
        }
        Instant now = Instant.now();
        String text = stamped(message, now);
        sent.accept(message, text);
        producer.send(
            new ProducerRecord<>(message.topic(), null, now.toEpochMilli(), message.key(), text),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              } else {
                acknowledged.incrementAndGet();
              }
            });
        perTopic.merge(message.topic(), 1L, Long::sum);
        malformed += message.malformed() ? 1 : 0;
        count++;
        if (count % 1_000 == 0) {
          progress.accept(
              String.format(
                  "%,d messages sent (%,.0f/s)",
                  count, count / ((System.nanoTime() - started) / 1e9)));
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "Kafka refused a message after " + acknowledged.get() + " were acknowledged",
          failure.get());
    }
    return new Summary(
        perTopic, malformed, (System.nanoTime() - started) / 1e9, messages.size() < limit);
  }

  private static void createMissingTopics(Settings s) {
    KafkaTopics.createMissing(s.bootstrapServers, TOPICS, s.partitions);
  }

  /** {@code GamblingProducer [--bootstrap-servers H:P] [--rate 10] [--duration 60] ...}. */
  public static void main(String[] args) {
    Settings s = new Settings();
    boolean run =
        GeneratorArgs.apply(
            args,
            "Usage: GamblingProducer [--bootstrap-servers HOST:PORT (127.0.0.1:9092)] [--rate N/s (10)]"
                + " [--duration SECONDS (60)] [--messages N (no limit)] [--partitions N (3)]"
                + " [--seed S (42)] [--scale N (1)]\n"
                + "Sends the generated world's bets, transactions and player activity (sessions and"
                + " events) to gambling-bets (60%), gambling-transactions (20%) and"
                + " gambling-player-activity (20%) at a fixed rate, stamped with the time they are"
                + " sent; the players and games are those GamblingGenerator writes with the same"
                + " --seed and --scale. Creates the topics if missing.",
            (name, value) -> {
              switch (name) {
                case "--bootstrap-servers" -> s.bootstrapServers = value;
                case "--rate" -> s.rate = Double.parseDouble(value);
                case "--duration" -> s.durationSeconds = Double.parseDouble(value);
                case "--messages" -> s.messages = Long.parseLong(value);
                case "--partitions" -> s.partitions = Integer.parseInt(value);
                case "--seed" -> s.world.seed = Long.parseLong(value);
                case "--scale" -> s.world.scale = Integer.parseInt(value);
                default -> throw GeneratorArgs.unknown(name);
              }
            });
    if (!run) {
      return;
    }
    Summary summary = send(s, System.out::println);
    System.out.printf(
        "Sent %,d messages in %.1f s: %s (%,d malformed)%s%n",
        summary.total(),
        summary.seconds(),
        summary.perTopic(),
        summary.malformed(),
        summary.spent() ? "; the world's records ran out: a larger --scale holds more" : "");
  }
}
