package dev.tributary.pipelines.social;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.options.social.SocialBatchLayerOptions;
import dev.tributary.transforms.TributaryMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The batch layer over a history of hostile posts, comments and user updates mixed with valid ones,
 * on whichever runner the build selects: the job ends, every hostile line is a dead letter at its
 * file and line with its reason (a comment whose post never came, or that came before its post, by
 * its id), only the valid records count, and records read = kept + dead letters.
 */
public class HostileSocialHistoryPipelineTest implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOUR = "year=2025/month=11/day=01/hour=10";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  private final Map<String, String> refusals = new TreeMap<>();

  /** One file of the history, line by line; each hostile line's expected reason noted. */
  private final class HistoryFile {
    private final Path path;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int lines;

    HistoryFile(Path base, String kind) throws IOException {
      path = base.resolve(kind).resolve(HOUR).resolve("data_0.json");
      Files.createDirectories(path.getParent());
    }

    HistoryFile line(byte[] line, String ending) {
      bytes.writeBytes(line);
      bytes.writeBytes(ending.getBytes(StandardCharsets.UTF_8));
      lines++;
      return this;
    }

    HistoryFile line(String text) {
      return line(text.getBytes(StandardCharsets.UTF_8), "\n");
    }

    HistoryFile refused(String text, String reason) {
      line(text);
      refusals.put(path + ":" + lines, reason);
      return this;
    }

    void write() throws IOException {
      Files.write(path, bytes.toByteArray());
    }
  }

  private static String post(String id, String subreddit, String score, String time) {
    return "{\"post_id\":\""
        + id
        + "\",\"user_id\":\"u1\",\"subreddit\":\""
        + subreddit
        + "\",\"title\":\"T\",\"content\":\"C\",\"score\":"
        + score
        + ",\"num_comments\":1,\"created_utc\":\""
        + time
        + "\",\"timestamp\":\""
        + time
        + "\"}";
  }

  private static String post(String id) {
    return post(id, "AskReddit", "10", "2025-11-01T10:05:00Z");
  }

  private static String comment(String id, String postId, String score, String time) {
    return "{\"comment_id\":\""
        + id
        + "\",\"post_id\":\""
        + postId
        + "\",\"user_id\":\"u2\",\"content\":\"c\",\"score\":"
        + score
        + ",\"created_utc\":\""
        + time
        + "\",\"timestamp\":\""
        + time
        + "\"}";
  }

  private static String user(String id, String karma) {
    return "{\"user_id\":\""
        + id
        + "\",\"username\":\"n\",\"karma\":"
        + karma
        + ",\"created_utc\":\"2020-01-01T00:00:00Z\",\"timestamp\":\"2025-11-01T10:00:00Z\"}";
  }

  @Test
  public void everyHostileRecordIsADeadLetterAndOnlyValidOnesCount() throws IOException {
    Path history = folder.newFolder("history").toPath();
    HistoryFile posts = new HistoryFile(history, "posts");
    posts
        .line(("\uFEFF" + post("p1")).getBytes(StandardCharsets.UTF_8), "\r\n")
        .line(
            post("p2", "science", "7", "2025-11-01T10:30:00Z").getBytes(StandardCharsets.UTF_8),
            "\r\n")
        .refused("", "empty line")
        .refused("   \t", "empty line")
        .refused(post("p-sub", "r/bad name", "1", "2025-11-01T10:05:00Z"), "field 'subreddit'")
        .refused(post("p-nan", "AskReddit", "\"NaN\"", "2025-11-01T10:05:00Z"), "score")
        .refused(post("p-big", "AskReddit", "1e400", "2025-11-01T10:05:00Z"), "score")
        .refused(post("p-dec", "AskReddit", "1.5", "2025-11-01T10:05:00Z"), "score")
        .refused(
            post("p-1969", "AskReddit", "1", "1969-12-31T23:59:59Z"), "outside the accepted range")
        .refused(
            post("p-miss").replace("\"post_id\":\"p-miss\",", ""), "field 'post_id' is missing")
        .refused(post("p-null").replace("\"T\"", "null"), "field 'title' is missing")
        .refused(post("p-\u0000"), "CTRL-CHAR")
        .refused(
            post("p-deep").replace("}", ",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
            "malformed JSON")
        .refused("{\"post_id\":\"p-half\",\"sub", "malformed JSON")
        .refused("[" + post("p-array") + "]", "not a JSON object")
        .refused(
            post("p-long").replace("\"C\"", "\"" + "x".repeat(1 << 20) + "\""), "over the limit")
        .refused(post("p1"), "duplicate id 'p1'");
    byte[] invalid = post("p-utf8").getBytes(StandardCharsets.UTF_8);
    invalid[14] = (byte) 0xC3;
    posts.line(invalid, "\n");
    refusals.put(posts.path + ":" + posts.lines, "not valid UTF-8");
    posts.write();

    HistoryFile comments = new HistoryFile(history, "comments");
    comments
        .line(comment("c1", "p1", "3", "2025-11-01T10:20:00Z"))
        .line(comment("c-early", "p2", "1", "2025-11-01T10:10:00Z"))
        .line(comment("c-orphan", "p-none", "1", "2025-11-01T10:20:00Z"))
        .refused(comment("c-lots", "p1", "\"lots\"", "2025-11-01T10:20:00Z"), "score")
        .write();
    refusals.put("comment c-early", "before its post");
    refusals.put("comment c-orphan", "its post p-none did not come");

    HistoryFile users = new HistoryFile(history, "users");
    users
        .line(user("u1", "100"))
        .refused(user("u2", "\"lots\""), "karma")
        .refused(user("u3", "1") + "}", "malformed JSON")
        .write();

    Path output = folder.newFolder("out").toPath();
    SocialBatchLayerOptions options = pipeline.getOptions().as(SocialBatchLayerOptions.class);
    options.setHistory(history.toString());
    options.setOutput(output.toString());
    SocialBatchLayerPipeline.buildPipeline(pipeline, options);
    PipelineResult result = pipeline.run();
    assertThat(result.waitUntilFinish(), equalTo(PipelineResult.State.DONE));

    List<String> totals = new ArrayList<>();
    for (Path file : Files.list(output.resolve("subreddit-activity-total")).toList()) {
      for (String row : Files.readAllLines(file)) {
        JsonNode node = JSON.readTree(row);
        totals.add(node.get("subreddit").asText() + "=" + node.get("activities").asLong());
      }
    }
    totals.sort(String::compareTo);
    assertThat(totals, equalTo(List.of("AskReddit=2", "science=1")));

    Map<String, String> reasons = new TreeMap<>();
    for (Path file : Files.list(output.resolve(SocialBatchLayerPipeline.DEAD_LETTERS)).toList()) {
      for (String letter : Files.readAllLines(file)) {
        JsonNode node = JSON.readTree(letter);
        reasons.put(node.get("source").asText(), node.get("reason").asText());
      }
    }
    assertThat(reasons.keySet(), equalTo(refusals.keySet()));
    refusals.forEach(
        (source, part) ->
            assertTrue(
                source + ": '" + reasons.get(source) + "' does not say '" + part + "'",
                reasons.get(source).contains(part)));
    MetricQueryResults metrics = TributaryMetrics.of(result);
    long read = 0;
    long parsed = 0;
    long dead = 0;
    for (String kind : List.of("posts", "comments", "users")) {
      read += TributaryMetrics.counter(metrics, kind + ".read");
      parsed += TributaryMetrics.counter(metrics, kind + ".parsed");
      dead += TributaryMetrics.counter(metrics, kind + ".deadLetters");
    }
    assertThat(read, equalTo((long) (posts.lines + comments.lines + users.lines)));
    assertThat(read, equalTo(parsed + dead));
    assertThat(dead + 2, equalTo((long) refusals.size()));
  }
}
