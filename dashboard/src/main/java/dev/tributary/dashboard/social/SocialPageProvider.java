package dev.tributary.dashboard.social;

import dev.tributary.dashboard.DashboardPage;
import dev.tributary.dashboard.LatestWindows;
import dev.tributary.dashboard.LayerMix;
import dev.tributary.dashboard.PageProvider;
import dev.tributary.dashboard.Panel;
import dev.tributary.dashboard.TopValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The social page, the seed's Grafana dashboards over the serving indices: posts and comments per
 * minute, active users per minute, top subreddits, today's top posts, and how many documents of
 * each view each layer (batch, speed) holds.
 */
public final class SocialPageProvider implements PageProvider {
  private static final List<String> VIEWS =
      List.of(
          "subreddit-activity",
          "subreddit-activity-total",
          "user-activity",
          "activity-per-minute",
          "top-posts",
          "top-posts-daily");

  /** The serving index of a view, as the social pipelines name it. */
  static String index(String view, String version) {
    return "views_" + view.replace('-', '_') + "_" + version;
  }

  @Override
  public DashboardPage page(String version) {
    Map<String, String> activity = new LinkedHashMap<>();
    activity.put("posts", "posts");
    activity.put("comments", "comments");
    Map<String, String> indices = new LinkedHashMap<>();
    VIEWS.forEach(view -> indices.put(view, index(view, version)));
    return new DashboardPage(
        "social",
        "Social activity",
        "Views of the social lambda architecture's serving layer, batch and speed layer merged",
        List.of(
            new Panel(
                "posts-per-minute",
                "Posts and comments per minute (last 60 minutes with activity)",
                Panel.Kind.LINE,
                new LatestWindows(index("activity-per-minute", version), 60, activity)),
            new Panel(
                "active-users",
                "Active users per minute",
                Panel.Kind.LINE,
                new LatestWindows(
                    index("activity-per-minute", version),
                    60,
                    Map.of("activeUsers", "active users"))),
            new Panel(
                "top-subreddits",
                "Top subreddits by activity, all time",
                Panel.Kind.BAR,
                TopValues.of(
                    index("subreddit-activity-total", version), "subreddit", "activities", 10)),
            new Panel(
                "top-posts-today",
                "Top posts of the latest day, by score",
                Panel.Kind.BAR,
                TopValues.of(index("top-posts-daily", version), "postId", "score", 10)
                    .inLatestWindow()),
            new Panel(
                "serving-layers",
                "Serving layer: documents per view and layer",
                Panel.Kind.STACKED_BAR,
                new LayerMix(indices))));
  }
}
