package dev.tributary.transforms.social;

import dev.tributary.transforms.DeadLetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Everything {@link SocialViews} produces: the activity (posts, and comments placed in their
 * subreddit), the user updates, the views by folder and the dead letters.
 */
public final class SocialOutputs implements POutput {
  private final PCollection<Activity> activity;
  private final PCollection<User> users;
  private final Map<String, PCollection<Row>> views;
  private final PCollection<DeadLetter> deadLetters;

  SocialOutputs(
      PCollection<Activity> activity,
      PCollection<User> users,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    this.activity = activity;
    this.users = users;
    this.views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
    this.deadLetters = deadLetters;
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

  @Override
  public Pipeline getPipeline() {
    return activity.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> all = new LinkedHashMap<>();
    all.put(new TupleTag<Activity>("activity"), activity);
    all.put(new TupleTag<User>("users"), users);
    views.forEach((name, rows) -> all.put(new TupleTag<Row>(name), rows));
    all.put(new TupleTag<DeadLetter>("deadLetters"), deadLetters);
    return all;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
