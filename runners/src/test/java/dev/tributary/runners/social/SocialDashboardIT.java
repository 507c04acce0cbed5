package dev.tributary.runners.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.pipelines.social.SocialBatchLayerPipeline;
import dev.tributary.runners.DashboardProcess;
import dev.tributary.runners.HeadlessChromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The social dashboard in a real headless browser, over the views the batch layer served from the
 * committed sample: the page loads, every chart has data and no error, the top subreddits are the
 * batch layer's, and a screenshot is written to {@code target/social-dashboard.png}.
 */
@Tag("integration")
class SocialDashboardIT {
  @RegisterExtension
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  private static final Path SAMPLE =
      Path.of("..", "test-data", "social", "sample").toAbsolutePath().normalize();
  private static final Pattern PANEL =
      Pattern.compile("<div[^>]*\\bid=\"panel-([a-z0-9-]+)\"[^>]*>");
  private static final Pattern POINTS = Pattern.compile("data-points=\"(\\d+)\"");
  private static final Pattern ERROR = Pattern.compile("data-error=\"([^\"]*)\"");

  @Test
  void everyChartOfTheSocialPageHasData(@TempDir Path dir) throws Exception {
    SocialBatchLayerPipeline.run(
        new String[] {
          "--runner=FlinkRunner",
          "--flinkMaster=[local]",
          "--parallelism=2",
          "--history=" + SAMPLE,
          "--output=" + dir.resolve("batch"),
          "--serve=true",
          "--elasticsearchUrl=" + ELASTICSEARCH.url()
        });
    try (DashboardProcess dashboard =
        DashboardProcess.start(ELASTICSEARCH.url(), dir.resolve("dashboard.log"))) {
      String page = dashboard.url().resolve("pages/social").toString();
      String dom = HeadlessChromium.dumpDom(page, 10_000);
      Map<String, Integer> points = new LinkedHashMap<>();
      Matcher panel = PANEL.matcher(dom);
      while (panel.find()) {
        Matcher count = POINTS.matcher(panel.group());
        Matcher error = ERROR.matcher(panel.group());
        assertTrue(error.find() && error.group(1).isEmpty(), "no error in " + panel.group());
        points.put(panel.group(1), count.find() ? Integer.parseInt(count.group(1)) : 0);
      }
      assertEquals(
          List.of(
              "posts-per-minute",
              "active-users",
              "top-subreddits",
              "top-posts-today",
              "serving-layers"),
          List.copyOf(points.keySet()));
      points.forEach((id, n) -> assertTrue(n > 0, "panel " + id + " drew no data"));

      // The top subreddits as the batch layer wrote them: largest activity first.
      JsonNode top =
          new ObjectMapper()
              .readTree(get(dashboard.url().resolve("api/pages/social/panels/top-subreddits")));
      List<String> fromOutput = topSubreddits(dir.resolve("batch/subreddit-activity-total"));
      assertEquals(
          fromOutput,
          new ObjectMapper().convertValue(top.get("labels"), List.class),
          "the chart's subreddits in order");
      assertEquals(404, status(dashboard.url().resolve("pages/no-such-page")));

      Path screenshot = Path.of("target", "social-dashboard.png");
      HeadlessChromium.screenshot(page, screenshot, 1400, 1200, 10_000);
      assertTrue(Files.size(screenshot) > 20_000, "a screenshot with charts: " + screenshot);
      System.out.printf(
          "[social dashboard] panels and their points %s; screenshot %s (%,d bytes)%n",
          points, screenshot.toAbsolutePath(), Files.size(screenshot));
    }
  }

  /** The subreddits of the batch layer's all-time activity, most active first, up to ten. */
  private static List<String> topSubreddits(Path folder) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new java.util.ArrayList<>();
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            rows.add(json.readTree(line));
          }
        }
      }
    }
    rows.sort(
        java.util.Comparator.comparingLong((JsonNode r) -> -r.get("activities").asLong())
            .thenComparing(r -> r.get("subreddit").asText()));
    return rows.stream().limit(10).map(r -> r.get("subreddit").asText()).toList();
  }

  private static String get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static int status(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
