package dev.tributary.testdata.social;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.testdata.AnyFileSystem;
import dev.tributary.testdata.GeneratorArgs;
import dev.tributary.testdata.WeightedChoice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generates a Reddit-like history deterministically from a seed, in the seed's layout: JSON lines
 * under {@code <base>/{posts,comments,users}/year=YYYY/month=MM/day=DD/hour=HH/data_0.json}, each
 * record in the folder of its {@code timestamp}'s hour. Subreddits and users of unequal activity,
 * heavy-tailed scores, comments from minutes to hours after their post, users' karma growing with
 * their scores; and a share of malformed lines, never a post that has comments, whose files, line
 * numbers and defects are the ground truth.
 */
public final class SocialHistoryGenerator {
  public static final String GROUND_TRUTH_FILE = "ground-truth.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter PARTITION =
      DateTimeFormatter.ofPattern("'year='yyyy'/month='MM'/day='dd'/hour='HH")
          .withZone(ZoneOffset.UTC);

  private static final List<String> SUBREDDITS =
      List.of(
          "AskReddit",
          "worldnews",
          "technology",
          "gaming",
          "science",
          "movies",
          "programming",
          "music",
          "books",
          "dataengineering");
  private static final double[] SUBREDDIT_WEIGHTS = {20, 15, 12, 12, 9, 9, 8, 6, 5, 4};
  private static final List<String> DEFECTS =
      List.of("broken_json", "missing_field", "bad_score", "bad_timestamp");

  /** What to generate. */
  public static final class Settings {
    public long seed = 42;
    public LocalDate start = LocalDate.of(2025, 11, 1);
    public int days = 7;
    public int users = 500;
    public int postsPerHour = 30;

    /** The mean number of comments a post gets. */
    public double commentsPerPost = 3;

    public int userUpdatesPerHour = 10;
    public double malformedShare = 0.002;

    /** The number after which posts and comments are numbered, so that later runs continue. */
    public long postsBefore = 0;

    public long commentsBefore = 0;
  }

  /**
   * A malformed line: its file (relative to the base), its line number and what is wrong with it.
   */
  public record Label(String file, long line, String defect) {}

  /** The files by path relative to the base (each a list of lines), and the ground truth. */
  public record Output(Map<String, List<String>> files, List<Label> groundTruth) {
    public long records() {
      return files.values().stream().mapToLong(List::size).sum();
    }
  }

  /**
   * One record of the timeline: its time, its kind's folder ({@code posts}, {@code comments},
   * {@code users}), the key it goes to Kafka with (its post's id, or its user's id), its text, and
   * its defect when malformed (else null).
   */
  public record Line(Instant time, String kind, String key, String text, String defect) {}

  private record Timed(
      Instant time, String kindFolder, String key, ObjectNode json, boolean mayBreak) {}

  private SocialHistoryGenerator() {}

  public static Output generate(Settings s) {
    Map<String, List<String>> files = new TreeMap<>();
    List<Label> truth = new ArrayList<>();
    for (Line line : timeline(s)) {
      String file = line.kind() + "/" + PARTITION.format(line.time()) + "/data_0.json";
      List<String> lines = files.computeIfAbsent(file, f -> new ArrayList<>());
      lines.add(line.text());
      if (line.defect() != null) {
        truth.add(new Label(file, lines.size(), line.defect()));
      }
    }
    return new Output(files, truth);
  }

  /** Every record, in time order, with its malformed share broken. */
  public static List<Line> timeline(Settings s) {
    if (s.days < 1 || s.users < 1 || s.postsPerHour < 0) {
      throw new IllegalArgumentException("days and users must be >= 1, postsPerHour >= 0");
    }
    Random random = new Random(s.seed);
    Instant start = s.start.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = start.plusSeconds(s.days * 86_400L);
    double[] userWeights = new double[s.users];
    long[] karma = new long[s.users];
    Instant[] created = new Instant[s.users];
    List<Timed> records = new ArrayList<>();
    for (int u = 0; u < s.users; u++) {
      userWeights[u] = 1.0 / Math.sqrt(u + 1);
      created[u] = start.minusSeconds(86_400L * (1 + random.nextInt(2_000)));
      karma[u] = random.nextInt(5_000);
      records.add(new Timed(start, "users", userId(u), user(u, karma[u], created[u], start), true));
    }
    List<String> userIds = new ArrayList<>();
    for (int u = 0; u < s.users; u++) {
      userIds.add(userId(u));
    }
    long postCount = s.postsBefore;
    long commentCount = s.commentsBefore;
    for (long hour = 0; hour < s.days * 24L; hour++) {
      Instant hourStart = start.plusSeconds(hour * 3_600);
      for (int i = 0; i < s.postsPerHour; i++) {
        Instant postTime = hourStart.plusMillis((long) (random.nextDouble() * 3_600_000));
        int author = userIndex(random, userWeights);
        String postId = String.format("p%07d", ++postCount);
        long score = (long) Math.floor(-Math.log(1 - random.nextDouble()) * 150) - 5;
        int wanted = (int) Math.floor(-Math.log(1 - random.nextDouble()) * s.commentsPerPost);
        List<Timed> comments = new ArrayList<>();
        for (int c = 0; c < wanted; c++) {
          Instant at = postTime.plusMillis((long) (-Math.log(1 - random.nextDouble()) * 1_800_000));
          if (at.isBefore(end)) {
            int commenter = userIndex(random, userWeights);
            long commentScore = (long) Math.floor(-Math.log(1 - random.nextDouble()) * 20) - 2;
            ObjectNode comment = JSON.createObjectNode();
            comment.put("comment_id", String.format("c%08d", ++commentCount));
            comment.put("post_id", postId);
            comment.put("user_id", userIds.get(commenter));
            comment.put("content", "Comment " + commentCount + " on " + postId);
            comment.put("score", commentScore);
            comment.put("created_utc", at.toString());
            comment.put("timestamp", at.toString());
            comments.add(new Timed(at, "comments", postId, comment, true));
            karma[commenter] += commentScore;
          }
        }
        ObjectNode post = JSON.createObjectNode();
        post.put("post_id", postId);
        post.put("user_id", userIds.get(author));
        post.put("subreddit", WeightedChoice.pick(random, SUBREDDITS, SUBREDDIT_WEIGHTS));
        post.put("title", "Post " + postCount + ", \"quoted\" and, with commas");
        post.put("content", random.nextInt(4) == 0 ? "" : "Text of post " + postCount);
        post.put("score", score);
        post.put("num_comments", comments.size());
        post.put("created_utc", postTime.toString());
        post.put("timestamp", postTime.toString());
        records.add(new Timed(postTime, "posts", postId, post, comments.isEmpty()));
        records.addAll(comments);
        karma[author] += score;
      }
      for (int i = 0; i < s.userUpdatesPerHour; i++) {
        int u = userIndex(random, userWeights);
        Instant at = hourStart.plusMillis((long) (random.nextDouble() * 3_600_000));
        records.add(new Timed(at, "users", userId(u), user(u, karma[u], created[u], at), true));
      }
    }
    records.sort(Comparator.comparing(Timed::time));
    List<Line> lines = new ArrayList<>(records.size());
    for (Timed record : records) {
      if (record.mayBreak() && random.nextDouble() < s.malformedShare) {
        String defect = DEFECTS.get(random.nextInt(DEFECTS.size()));
        lines.add(
            new Line(
                record.time(),
                record.kindFolder(),
                record.key(),
                malformed(defect, record.json()),
                defect));
      } else {
        lines.add(
            new Line(
                record.time(), record.kindFolder(), record.key(), record.json().toString(), null));
      }
    }
    return lines;
  }

  private static String userId(int u) {
    return String.format("u%05d", u + 1);
  }

  private static ObjectNode user(int u, long karma, Instant created, Instant at) {
    ObjectNode user = JSON.createObjectNode();
    user.put("user_id", userId(u));
    user.put("username", "redditor_" + Integer.toString(u * 7919 + 1013, 36));
    user.put("karma", karma);
    user.put("created_utc", created.toString());
    user.put("timestamp", at.toString());
    return user;
  }

  private static int userIndex(Random random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static String malformed(String defect, ObjectNode json) {
    ObjectNode broken = json.deepCopy();
    switch (defect) {
      case "broken_json" -> {
        String text = json.toString();
        return text.substring(0, text.length() / 2);
      }
      case "missing_field" -> broken.remove(broken.fieldNames().next());
      case "bad_score" -> broken.put(broken.has("karma") ? "karma" : "score", "lots");
      case "bad_timestamp" -> broken.put("timestamp", "2025-13-45 25:61");
      default -> throw new IllegalStateException(defect);
    }
    return broken.toString();
  }

  /**
   * Writes the history under {@code location} (a local folder or {@code hdfs://...}), and the
   * ground truth beside the three folders.
   */
  public static void write(Output output, String location) {
    AnyFileSystem.prepare(location);
    String base = location.replaceAll("/+$", "");
    output.files().forEach((file, lines) -> AnyFileSystem.writeLines(base + "/" + file, lines));
    List<String> truth = new ArrayList<>();
    for (Label label : output.groundTruth()) {
      ObjectNode node = JSON.createObjectNode();
      node.put("file", label.file());
      node.put("line", label.line());
      node.put("defect", label.defect());
      truth.add(node.toString());
    }
    AnyFileSystem.writeLines(base + "/" + GROUND_TRUTH_FILE, truth);
  }

  /** Reads the ground truth {@link #write} wrote to the local {@code file}. */
  public static List<Label> readGroundTruth(java.nio.file.Path file) {
    try {
      List<Label> labels = new ArrayList<>();
      for (String line : java.nio.file.Files.readAllLines(file)) {
        var node = JSON.readTree(line);
        labels.add(
            new Label(
                node.get("file").asText(), node.get("line").asLong(), node.get("defect").asText()));
      }
      return labels;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code SocialHistoryGenerator --output DIR [--days 7] [--posts-per-hour 30] [--seed 42]}. */
  public static void main(String[] args) {
    Settings s = new Settings();
    // One setting the generator does not hold: where its files go.
    String[] output = new String[1];
    boolean run =
        GeneratorArgs.apply(
            args,
            "Usage: SocialHistoryGenerator --output DIR|hdfs://HOST:PORT/PATH [--days N (7)]"
                + " [--start yyyy-MM-dd (2025-11-01)] [--users N (500)] [--posts-per-hour N (30)]"
                + " [--comments-per-post F (3)] [--user-updates-per-hour N (10)] [--seed S (42)]"
                + " [--malformed-share F (0.002)]\n"
                + "Writes posts/, comments/ and users/ partitioned year=/month=/day=/hour=, each"
                + " hour's records in data_0.json, and ground-truth.jsonl (file, line, defect).",
            (name, value) -> {
              switch (name) {
                case "--output" -> output[0] = value;
                case "--days" -> s.days = Integer.parseInt(value);
                case "--start" -> s.start = LocalDate.parse(value);
                case "--users" -> s.users = Integer.parseInt(value);
                case "--posts-per-hour" -> s.postsPerHour = Integer.parseInt(value);
                case "--comments-per-post" -> s.commentsPerPost = Double.parseDouble(value);
                case "--user-updates-per-hour" -> s.userUpdatesPerHour = Integer.parseInt(value);
                case "--seed" -> s.seed = Long.parseLong(value);
                case "--malformed-share" -> s.malformedShare = Double.parseDouble(value);
                default -> throw GeneratorArgs.unknown(name);
              }
            });
    if (!run) {
      return;
    }
    if (output[0] == null) {
      throw new IllegalArgumentException("give --output DIR; see --help");
    }
    Output generated = generate(s);
    write(generated, output[0]);
    System.out.printf(
        "Wrote %,d records in %,d files (%,d malformed, listed in %s) under %s%n",
        generated.records(),
        generated.files().size(),
        generated.groundTruth().size(),
        GROUND_TRUTH_FILE,
        output[0]);
  }
}
