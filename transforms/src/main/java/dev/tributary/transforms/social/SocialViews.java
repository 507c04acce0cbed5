package dev.tributary.transforms.social;

import dev.tributary.transforms.Aggregate;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.DecimalCoder;
import dev.tributary.transforms.KeyFields;
import dev.tributary.transforms.Measures;
import dev.tributary.transforms.Parse;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.TopK;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The social views, one transform for the batch layer (the history's files) and the speed layer
 * (the three topics): raw posts, comments and user updates in, told apart by their source, and out
 * come the activity views, the top posts per subreddit and the dead letters.
 *
 * <pre>
 *   raw records -> SplitSocialRecords -> Parse(posts | comments | users, unique ids)
 *     posts, comments -> PlaceComments (a comment's subreddit is its post's) -> activity
 *     activity -> Aggregate(posts, comments, active users, karma gained; per SocialView)
 *     posts -> TopK(score per subreddit; all time, UTC day)  -> top-posts, top-posts-daily
 * </pre>
 *
 * Karma gained is the sum of the scores of a user's posts and comments in the window.
 */
public class SocialViews extends PTransform<PCollection<RawRecord>, SocialOutputs> {
  public static final Duration DAY = Duration.standardDays(1);

  /** What every activity view measures. */
  public static final Measures<Activity> ACTIVITY_MEASURES =
      Measures.<Activity>of()
          .count("activities")
          .sum("posts", a -> a.isPost() ? BigDecimal.ONE : BigDecimal.ZERO)
          .sum("comments", a -> a.isPost() ? BigDecimal.ZERO : BigDecimal.ONE)
          .distinctCount("activeUsers", a -> a.userId)
          .sum("karmaGained", a -> BigDecimal.valueOf(a.score));

  private final int topPosts;
  private final Duration allowedLateness;
  private final Duration earlyFiringsEvery;
  private final Duration commentWait;

  private SocialViews(
      int topPosts, Duration allowedLateness, Duration earlyFiringsEvery, Duration commentWait) {
    if (topPosts < 1) {
      throw new IllegalArgumentException("topPosts must be at least 1, got " + topPosts);
    }
    this.topPosts = topPosts;
    this.allowedLateness = allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
    this.commentWait = commentWait;
  }

  /**
   * Ranks {@code topPosts} posts per subreddit; windows take records up to {@code allowedLateness}
   * late and fire early every {@code earlyFiringsEvery}; a comment waits for its post up to {@code
   * commentWait} of event time.
   */
  public static SocialViews of(
      int topPosts, Duration allowedLateness, Duration earlyFiringsEvery, Duration commentWait) {
    return new SocialViews(topPosts, allowedLateness, earlyFiringsEvery, commentWait);
  }

  @Override
  public SocialOutputs expand(PCollection<RawRecord> raw) {
    PCollectionTuple split = raw.apply("Split by kind", new SplitSocialRecords());
    WithFailures.Result<PCollection<Post>, DeadLetter> posts =
        split
            .get(SplitSocialRecords.tagOf(SocialKind.POSTS))
            .apply("Parse posts", Parse.of("posts", new PostParser()).withUniqueIds(p -> p.postId));
    WithFailures.Result<PCollection<Comment>, DeadLetter> comments =
        split
            .get(SplitSocialRecords.tagOf(SocialKind.COMMENTS))
            .apply(
                "Parse comments",
                Parse.of("comments", new CommentParser()).withUniqueIds(c -> c.commentId));
    WithFailures.Result<PCollection<User>, DeadLetter> users =
        split
            .get(SplitSocialRecords.tagOf(SocialKind.USERS))
            .apply(
                "Parse users",
                Parse.of("users", new UserParser())
                    .withUniqueIds(u -> u.userId + "@" + u.timestamp.getMillis()));

    PCollectionTuple placed =
        PCollectionTuple.of(PlaceComments.POSTS, posts.output())
            .and(PlaceComments.COMMENTS, comments.output())
            .apply("Place comments", PlaceComments.waitingUpTo(commentWait));
    PCollection<Activity> activity = placed.get(PlaceComments.ACTIVITY);

    Map<String, PCollection<Row>> views = new LinkedHashMap<>();
    for (SocialView view : SocialView.values()) {
      views.put(view.folder(), activity.apply("View " + view.folder(), aggregateOf(view)));
    }
    views.put(SocialView.TOP_POSTS, topPosts(posts.output(), new GlobalWindows(), "all time"));
    views.put(
        SocialView.TOP_POSTS_DAILY, topPosts(posts.output(), FixedWindows.of(DAY), "per day"));

    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(split.get(SplitSocialRecords.NO_KIND))
            .and(posts.failures())
            .and(comments.failures())
            .and(users.failures())
            .and(placed.get(PlaceComments.UNPLACED))
            .apply("All dead letters", Flatten.pCollections());
    return new SocialOutputs(activity, users.output(), views, deadLetters);
  }

  /** The Beam transform of one view: also the model's source of the view's row schema. */
  Aggregate<Activity> aggregateOf(SocialView view) {
    return Aggregate.of(
            KeyFields.of(view.keyField(), view.keyOf()), ACTIVITY_MEASURES, view.windows())
        .withAllowedLateness(allowedLateness)
        .withEarlyFiringsEvery(earlyFiringsEvery);
  }

  /** The schema of a view's rows, for the model. */
  public static org.apache.beam.sdk.schemas.Schema schemaOf(SocialView view) {
    return Aggregate.of(
            KeyFields.of(view.keyField(), view.keyOf()), ACTIVITY_MEASURES, view.windows())
        .resultSchema();
  }

  /** The k posts with the highest scores per subreddit, per window. */
  public static TopK<KV<String, KV<String, BigDecimal>>> topPostsRanking(int k) {
    return TopK.perGroup(k).withFieldNames("subreddit", "postId", "score");
  }

  private PCollection<Row> topPosts(
      PCollection<Post> posts, WindowFn<Object, ?> windows, String name) {
    return posts
        .apply(
            "Post scores " + name,
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(),
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(BigDecimal.class))))
                .via(p -> KV.of(p.subreddit, KV.of(p.postId, BigDecimal.valueOf(p.score)))))
        .setCoder(
            KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), DecimalCoder.of())))
        .apply(
            "Windows " + name,
            Window.<KV<String, KV<String, BigDecimal>>>into(windows)
                .withAllowedLateness(allowedLateness)
                .accumulatingFiredPanes())
        .apply(
            "Top posts " + name,
            topPostsRanking(topPosts).withEarlyFiringsEvery(earlyFiringsEvery));
  }
}
