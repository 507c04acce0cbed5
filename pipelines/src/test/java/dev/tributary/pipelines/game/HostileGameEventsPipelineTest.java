package dev.tributary.pipelines.game;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.options.game.GameEventCountsOptions;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.game.GameView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The batch counts over a file of hostile game events mixed with valid ones, on whichever runner
 * the build selects: the job ends, every hostile line is a dead letter at its physical line with
 * its reason, only the valid events are counted, and events read = parsed + dead letters.
 */
public class HostileGameEventsPipelineTest implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  private static String event(String id, String type, String host, String time) {
    return "{\"request_id\":\""
        + id
        + "\",\"event_type\":\""
        + type
        + "\",\"Host\":\""
        + host
        + "\",\"User-Agent\":\"ApacheBench/2.3\",\"Accept\":\"*/*\",\"timestamp\":\""
        + time
        + "\"}";
  }

  private static String event(String id, String type) {
    return event(id, type, "user1.comcast.com", "2026-12-03T06:00:00Z");
  }

  private final ByteArrayOutputStream file = new ByteArrayOutputStream();
  private final Map<Integer, String> refusals = new LinkedHashMap<>();
  private int lines;

  private void line(byte[] bytes, String ending) {
    file.writeBytes(bytes);
    file.writeBytes(ending.getBytes(StandardCharsets.UTF_8));
    lines++;
  }

  private void line(String text, String ending) {
    line(text.getBytes(StandardCharsets.UTF_8), ending);
  }

  private void refused(String text, String reason) {
    line(text, "\n");
    refusals.put(lines, reason);
  }

  @Test
  public void everyHostileEventIsADeadLetterAtItsLineAndOnlyValidOnesCount() throws IOException {
    line("\uFEFF" + event("r-bom", "default"), "\r\n");
    line(event("r-crlf", "purchase_sword"), "\r\n");
    line(
        event("r-deep", "level_up")
            .replace("}", ",\"attributes\":{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}}"),
        "\n");
    refused("", "empty line");
    refused("   \t", "empty line");
    refused(event("r-bad", "Purchase A Sword!"), "field 'event_type' must be");
    refused(event("r-host", "default", "user 1", "2026-12-03T06:00:00Z"), "field 'Host' must be");
    refused(event("r-1969", "default", "h", "1969-12-31T23:59:59Z"), "outside the accepted range");
    refused(event("r-nan", "default", "h", "NaN"), "must be an ISO-8601 date-time");
    refused(
        event("r-attr", "default").replace("}", ",\"attributes\":[1]}"), "must be a JSON object");
    refused(event("r-nul", "default").replace("r-nul", "r-\u0000"), "CTRL-CHAR");
    refused(
        event("r-nest", "default")
            .replace(
                "}", ",\"attributes\":{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}"),
        "malformed JSON");
    refused("{\"request_id\":\"r-half\",\"event_", "malformed JSON");
    refused(event("r-two", "default") + event("r-three", "default"), "malformed JSON");
    refused("[" + event("r-array", "default") + "]", "not a JSON object");
    refused(
        event("r-null", "default").replace("\"default\"", "null"), "field 'event_type' is missing");
    refused(
        event("r-long", "default").replace("ApacheBench/2.3", "x".repeat(1 << 20)),
        "over the limit of 1,048,576");
    byte[] invalid = event("r-utf8", "default").getBytes(StandardCharsets.UTF_8);
    invalid[20] = (byte) 0xC3;
    line(invalid, "\n");
    refusals.put(lines, "not valid UTF-8");
    refused(event("r-crlf", "upgrade_sword"), "duplicate id 'r-crlf'");
    line(event("r-last", "purchase_sword", "user2.att.com", "2026-12-03T07:30:00Z"), "");
    Path events = folder.getRoot().toPath().resolve("events.jsonl");
    Files.write(events, file.toByteArray());

    Path output = folder.newFolder("out").toPath();
    GameEventCountsOptions options = pipeline.getOptions().as(GameEventCountsOptions.class);
    options.setEvents(events.toString());
    options.setOutput(output.toString());
    GameEventCountsPipeline.buildPipeline(pipeline, options);
    PipelineResult result = pipeline.run();
    assertThat(result.waitUntilFinish(), equalTo(PipelineResult.State.DONE));

    assertThat(
        GameEventCountsPipeline.table(output.toString(), GameView.BY_EVENT_TYPE),
        equalTo(Map.of("default", 1L, "purchase_sword", 2L, "level_up", 1L)));
    assertThat(
        GameEventCountsPipeline.table(output.toString(), GameView.BY_HOST),
        equalTo(Map.of("user1.comcast.com", 3L, "user2.att.com", 1L)));

    Map<String, String> reasons = new TreeMap<>();
    for (Path file : Files.list(output.resolve(GameEventCountsPipeline.DEAD_LETTERS)).toList()) {
      for (String letter : Files.readAllLines(file)) {
        JsonNode node = JSON.readTree(letter);
        reasons.put(node.get("source").asText(), node.get("reason").asText());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    refusals.forEach((line, reason) -> expected.put(events + ":" + line, reason));
    assertThat(reasons.keySet(), equalTo(expected.keySet()));
    expected.forEach(
        (source, part) ->
            assertTrue(
                source + ": '" + reasons.get(source) + "' does not say '" + part + "'",
                reasons.get(source).contains(part)));
    MetricQueryResults metrics = TributaryMetrics.of(result);
    long read = TributaryMetrics.counter(metrics, "events.read");
    long parsed = TributaryMetrics.counter(metrics, "events.parsed");
    long dead = TributaryMetrics.counter(metrics, "events.deadLetters");
    assertThat(read, equalTo((long) lines));
    assertThat(dead, equalTo((long) refusals.size()));
    assertThat(parsed, equalTo((long) (lines - refusals.size())));
  }
}
