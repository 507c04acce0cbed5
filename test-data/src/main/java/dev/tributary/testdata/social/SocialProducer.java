package dev.tributary.testdata.social;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.testdata.GeneratorArgs;
import dev.tributary.testdata.KafkaTopics;
import dev.tributary.testdata.Pacer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The seed's live producer: posts, comments and user updates to {@code reddit.posts}, {@code
 * reddit.comments} and {@code reddit.users} at a fixed rate, continuing the history's timeline: the
 * same users, new posts and comments numbered after {@code --first-id}, generated day after day by
 * {@link SocialHistoryGenerator} from the seed, in their order. Each record is stamped with the
 * time it is sent ({@code timestamp}, {@code created_utc} and the Kafka message's CreateTime), so
 * the speed layer's windows are the wall clock's; malformed lines (a share, as in the history) go
 * as they are. Posts and comments are keyed by their post's id, users by their id. Topics that do
 * not exist are created with {@code --partitions} partitions.
 */
public final class SocialProducer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> TOPICS =
      Map.of("posts", "reddit.posts", "comments", "reddit.comments", "users", "reddit.users");

  private SocialProducer() {}

  /** What to send, and where. */
  public static final class Settings {
    public String bootstrapServers = "127.0.0.1:9092";
    public double rate = 100;
    public double durationSeconds = 60;

    /** Stop after this many messages; 0 for no limit but the duration. */
    public long messages = 0;

    public int partitions = 3;
    public long firstId = 10_000_000;

    /** The records: users, posts per hour, comments per post, malformed share, seed. */
    public SocialHistoryGenerator.Settings records = defaultRecords();

    private static SocialHistoryGenerator.Settings defaultRecords() {
      SocialHistoryGenerator.Settings records = new SocialHistoryGenerator.Settings();
      records.seed = 43;
      records.start = LocalDate.of(2025, 11, 8);
      records.days = 1;
      records.postsPerHour = 3_000;
      records.userUpdatesPerHour = 1_000;
      return records;
    }
  }

  /** One message sent: its kind's folder, its text (as sent), when, and its defect or null. */
  public record Sent(String kind, String text, Instant at, long nanoTime, String defect) {}

  /** What was sent, per kind; and the malformed ones per defect. */
  public record Summary(Map<String, Long> perKind, Map<String, Long> malformed, double seconds) {
    public long total() {
      return perKind.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Sends until the duration or the message limit is reached; each message to {@code sent}. */
  public static Summary send(Settings s, java.util.function.Consumer<Sent> sent) {
    if (s.rate <= 0 || s.durationSeconds <= 0 || s.partitions < 1) {
      throw new IllegalArgumentException(
          "--rate and --duration must be positive and --partitions at least 1, got "
              + s.rate
              + ", "
              + s.durationSeconds
              + " and "
              + s.partitions);
    }
    createMissingTopics(s);
    Map<String, Long> perKind = new TreeMap<>();
    Map<String, Long> malformed = new TreeMap<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong acknowledged = new AtomicLong();
    // The first day is generated before the clock starts: its seconds are not sending time, and
    // the pacer would otherwise make up for them with a burst.
    Iterator<SocialHistoryGenerator.Line> lines = records(s);
    lines.hasNext();
    Pacer pacer = new Pacer(s.rate);
    long started = System.nanoTime();
    long deadline = started + (long) (s.durationSeconds * 1e9);
    long count = 0;
    Map<String, Long> userUpdates = new java.util.HashMap<>();
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
      while (lines.hasNext()
          && System.nanoTime() < deadline
          && (s.messages <= 0 || count < s.messages)
          && failure.get() == null) {
        if (!pacer.awaitTurn(count)) {
          break;
        }
        SocialHistoryGenerator.Line line = lines.next();
        Instant now = Instant.now();
        if (line.kind().equals("users") && line.defect() == null) {
          // A user update is known by its user and time: two of one user never share a millisecond.
          long millis =
              userUpdates.merge(
                  line.key(), now.toEpochMilli(), (last, at) -> Math.max(last + 1, at));
          now = Instant.ofEpochMilli(millis);
        }
        String text = line.defect() == null ? restamped(line, now) : line.text();
        producer.send(
            new ProducerRecord<>(
                TOPICS.get(line.kind()), null, now.toEpochMilli(), line.key(), text),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              } else {
                acknowledged.incrementAndGet();
              }
            });
        sent.accept(new Sent(line.kind(), text, now, System.nanoTime(), line.defect()));
        perKind.merge(line.kind(), 1L, Long::sum);
        if (line.defect() != null) {
          malformed.merge(line.defect(), 1L, Long::sum);
        }
        count++;
        if (count % 10_000 == 0) {
          System.out.printf(
              "%,d messages sent (%,.0f/s)%n",
              count, count / ((System.nanoTime() - started) / 1e9));
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "Kafka refused a message after "
              + acknowledged.get()
              + " were acknowledged: "
              + failure.get(),
          failure.get());
    }
    return new Summary(perKind, malformed, (System.nanoTime() - started) / 1e9);
  }

  /**
   * The records the producer sends, in order, as the generator writes them (before they are stamped
   * with the time they are sent): day after day from the seed, numbered on.
   */
  public static Iterator<SocialHistoryGenerator.Line> records(Settings s) {
    return new Days(s);
  }

  /** The record as sent: its times are the sending time. */
  static String restamped(SocialHistoryGenerator.Line line, Instant now) {
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(line.text());
      json.put("timestamp", now.toString());
      if (!line.kind().equals("users")) {
        json.put("created_utc", now.toString());
      }
      return json.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the generator wrote unreadable JSON: " + line.text(), e);
    }
  }

  private static void createMissingTopics(Settings s) {
    KafkaTopics.createMissing(s.bootstrapServers, TOPICS.values(), s.partitions);
  }

  /** The generator's timeline, one day at a time, numbering on from the day before. */
  private static final class Days implements Iterator<SocialHistoryGenerator.Line> {
    private final Settings settings;
    private int day = 0;
    private long posts;
    private long comments;
    private Iterator<SocialHistoryGenerator.Line> current =
        List.<SocialHistoryGenerator.Line>of().iterator();

    Days(Settings settings) {
      this.settings = settings;
      this.posts = settings.firstId;
      this.comments = settings.firstId;
    }

    @Override
    public boolean hasNext() {
      if (!current.hasNext()) {
        SocialHistoryGenerator.Settings r = new SocialHistoryGenerator.Settings();
        SocialHistoryGenerator.Settings base = settings.records;
        r.seed = base.seed + day;
        r.start = base.start.plusDays(day);
        r.days = 1;
        r.users = base.users;
        r.postsPerHour = base.postsPerHour;
        r.commentsPerPost = base.commentsPerPost;
        r.userUpdatesPerHour = base.userUpdatesPerHour;
        r.malformedShare = base.malformedShare;
        r.postsBefore = posts;
        r.commentsBefore = comments;
        List<SocialHistoryGenerator.Line> lines = SocialHistoryGenerator.timeline(r);
        for (SocialHistoryGenerator.Line line : lines) {
          if (line.kind().equals("posts")) {
            posts++;
          } else if (line.kind().equals("comments")) {
            comments++;
          }
        }
        current = lines.iterator();
        day++;
      }
      return current.hasNext();
    }

    @Override
    public SocialHistoryGenerator.Line next() {
      hasNext();
      return current.next();
    }
  }

  /** {@code SocialProducer [--bootstrap-servers H:P] [--rate 100] [--duration 60] ...}. */
  public static void main(String[] args) {
    Settings s = new Settings();
    SocialHistoryGenerator.Settings r = s.records;
    boolean run =
        GeneratorArgs.apply(
            args,
            "Usage: SocialProducer [--bootstrap-servers HOST:PORT (127.0.0.1:9092)] [--rate N/s (100)]"
                + " [--duration SECONDS (60)] [--messages N (no limit)] [--partitions N (3)]"
                + " [--first-id N (10000000)] [--seed S (43)] [--users N (500)]"
                + " [--posts-per-hour N (3000)] [--comments-per-post F (3)]"
                + " [--user-updates-per-hour N (1000)] [--malformed-share F (0.002)]\n"
                + "Sends live posts, comments and user updates to reddit.posts, reddit.comments and"
                + " reddit.users at a fixed rate, stamped with the time they are sent; creates the"
                + " topics if missing. Another --seed or --first-id gives new records; the same"
                + " ones give the same records again.",
            (name, value) -> {
              switch (name) {
                case "--bootstrap-servers" -> s.bootstrapServers = value;
                case "--rate" -> s.rate = Double.parseDouble(value);
                case "--duration" -> s.durationSeconds = Double.parseDouble(value);
                case "--messages" -> s.messages = Long.parseLong(value);
                case "--partitions" -> s.partitions = Integer.parseInt(value);
                case "--first-id" -> s.firstId = Long.parseLong(value);
                case "--seed" -> r.seed = Long.parseLong(value);
                case "--users" -> r.users = Integer.parseInt(value);
                case "--posts-per-hour" -> r.postsPerHour = Integer.parseInt(value);
                case "--comments-per-post" -> r.commentsPerPost = Double.parseDouble(value);
                case "--user-updates-per-hour" -> r.userUpdatesPerHour = Integer.parseInt(value);
                case "--malformed-share" -> r.malformedShare = Double.parseDouble(value);
                default -> throw GeneratorArgs.unknown(name);
              }
            });
    if (!run) {
      return;
    }
    Summary summary = send(s, sent -> {});
    System.out.printf(
        "Sent %,d messages in %.1f s to %s: %s; malformed %s%n",
        summary.total(),
        summary.seconds(),
        s.bootstrapServers,
        summary.perKind(),
        summary.malformed());
  }
}
