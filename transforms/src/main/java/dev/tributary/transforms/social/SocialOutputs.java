package dev.tributary.transforms.social;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.NamedOutputs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Everything {@link SocialViews} produces: the activity (posts, and comments placed in their
 * subreddit), the user updates, the views by folder and the dead letters.
 */
public final class SocialOutputs extends NamedOutputs {
  private final PCollection<Activity> activity;
  private final PCollection<User> users;
  private final Map<String, PCollection<Row>> views;
  private final PCollection<DeadLetter> deadLetters;

  SocialOutputs(
      PCollection<Activity> activity,
      PCollection<User> users,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    super(activity.getPipeline(), all(activity, users, views, deadLetters));
    this.activity = activity;
    this.users = users;
    this.views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
    this.deadLetters = deadLetters;
  }

  private static Map<String, PCollection<?>> all(
      PCollection<Activity> activity,
      PCollection<User> users,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    Map<String, PCollection<?>> all = new LinkedHashMap<>();
    all.put("activity", activity);
    all.put("users", users);
    all.putAll(views);
    all.put("deadLetters", deadLetters);
    return all;
  }

  public PCollection<Activity> activity() {
    return activity;
  }

  public PCollection<User> users() {
    return users;
  }

  /** The views and rankings by folder, in a fixed order. */
  public Map<String, PCollection<Row>> views() {
    return views;
  }

  /** Malformed records, repeated ids, records of no known kind, comments with no post. */
  public PCollection<DeadLetter> deadLetters() {
    return deadLetters;
  }
}
