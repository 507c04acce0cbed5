package dev.tributary.transforms.social;

import dev.tributary.transforms.AggregateWindows;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.joda.time.Duration;

/**
 * The activity views of {@link SocialViews}, over posts and placed comments: each a key, its
 * windows, a folder name (the batch output folder, the Elasticsearch index's middle part with '-'
 * as '_') and the fields that identify one of its rows. The rankings of posts are {@link
 * #TOP_POSTS} and {@link #TOP_POSTS_DAILY}.
 */
public enum SocialView {
  SUBREDDIT_ACTIVITY(
      "subreddit-activity", "subreddit", a -> a.subreddit, Duration.standardHours(1)),
  SUBREDDIT_ACTIVITY_TOTAL("subreddit-activity-total", "subreddit", a -> a.subreddit, null),
  USER_ACTIVITY("user-activity", "userId", a -> a.userId, Duration.standardDays(1)),
  ACTIVITY_PER_MINUTE("activity-per-minute", "scope", a -> "all", Duration.standardMinutes(1));

  public static final String TOP_POSTS = "top-posts";
  public static final String TOP_POSTS_DAILY = "top-posts-daily";

  private final String folder;
  private final String keyField;
  private final SerializableFunction<Activity, String> keyOf;
  private final Duration window;

  SocialView(
      String folder,
      String keyField,
      SerializableFunction<Activity, String> keyOf,
      Duration window) {
    this.folder = folder;
    this.keyField = keyField;
    this.keyOf = keyOf;
    this.window = window;
  }

  public String folder() {
    return folder;
  }

  public String keyField() {
    return keyField;
  }

  SerializableFunction<Activity, String> keyOf() {
    return keyOf;
  }

  /** The window's length; null over all time. */
  public Duration window() {
    return window;
  }

  AggregateWindows windows() {
    return window == null ? AggregateWindows.allTime() : AggregateWindows.fixed(window);
  }

  /** The fields that identify a row of any output, by its folder: the document id's parts. */
  public static List<String> idFields(String folder) {
    if (folder.equals(TOP_POSTS)) {
      return List.of("subreddit", "rank");
    }
    if (folder.equals(TOP_POSTS_DAILY)) {
      return List.of("subreddit", "windowStart", "rank");
    }
    for (SocialView view : values()) {
      if (view.folder.equals(folder)) {
        return view.window == null ? List.of(view.keyField) : List.of(view.keyField, "windowStart");
      }
    }
    throw new IllegalArgumentException("no social output " + folder);
  }
}
