package dev.tributary.transforms.social;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.TributaryMetrics;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Places every comment in its post's subreddit: posts and comments keyed by post id meet in keyed
 * state, so a comment that arrives before its post waits for it. Out come the posts and the placed
 * comments as {@link Activity}, and as dead letters the comments whose post has not come within
 * {@code wait} of event time after them (in batch: never came) and the comments timestamped before
 * their post.
 *
 * <pre>
 *   posts, comments -> KV(post id, post | comment) -> keyed state: subreddit of the post,
 *                                                     comments waiting for it, a timer
 * </pre>
 *
 * A post's subreddit is kept for as long as the job runs, so that a comment on an old post is still
 * placed (the state grows with the posts).
 */
public class PlaceComments extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<Post> POSTS = new TupleTag<>("posts") {};
  public static final TupleTag<Comment> COMMENTS = new TupleTag<>("comments") {};
  public static final TupleTag<Activity> ACTIVITY = new TupleTag<>("activity") {};
  public static final TupleTag<DeadLetter> UNPLACED = new TupleTag<>("unplaced") {};

  static final String STEP = "PlaceComments";

  /** Counts the comments that became dead letters here. */
  public static final String UNPLACED_COUNTER = "comments.unplaced";

  private final Duration wait;

  private PlaceComments(Duration wait) {
    this.wait = wait;
  }

  /** Comments wait for their post up to {@code wait} of event time. */
  public static PlaceComments waitingUpTo(Duration wait) {
    return new PlaceComments(wait);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    TypeDescriptor<KV<String, PostOrComment>> keyed =
        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(PostOrComment.class));
    Coder<KV<String, PostOrComment>> keyedCoder;
    Coder<Comment> commentCoder;
    try {
      keyedCoder =
          KvCoder.of(
              StringUtf8Coder.of(),
              input.getPipeline().getSchemaRegistry().getSchemaCoder(PostOrComment.class));
      commentCoder = input.getPipeline().getSchemaRegistry().getSchemaCoder(Comment.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    PCollection<KV<String, PostOrComment>> posts =
        input
            .get(POSTS)
            .apply(
                "Key posts", MapElements.into(keyed).via(p -> KV.of(p.postId, PostOrComment.of(p))))
            .setCoder(keyedCoder);
    PCollection<KV<String, PostOrComment>> comments =
        input
            .get(COMMENTS)
            .apply(
                "Key comments",
                MapElements.into(keyed).via(c -> KV.of(c.postId, PostOrComment.of(c))))
            .setCoder(keyedCoder);
    PCollection<KV<String, PostOrComment>> both =
        PCollectionList.of(posts)
            .and(comments)
            .apply("Posts and comments", Flatten.pCollections())
            .setCoder(keyedCoder);
    return both.apply(
        "Meet in keyed state",
        ParDo.of(new PlaceFn(wait, commentCoder))
            .withOutputTags(ACTIVITY, TupleTagList.of(UNPLACED)));
  }

  /** The seed's JSON of a comment: the payload of its dead letter. */
  static String json(Comment c) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("comment_id", c.commentId);
    node.put("post_id", c.postId);
    node.put("user_id", c.userId);
    node.put("content", c.content);
    node.put("score", c.score);
    node.put("created_utc", c.createdUtc.toString());
    node.put("timestamp", c.timestamp.toString());
    return node.toString();
  }

  private static class PlaceFn extends DoFn<KV<String, PostOrComment>, Activity> {
    private static final Counter UNPLACED_COMMENTS =
        Metrics.counter(TributaryMetrics.NAMESPACE, UNPLACED_COUNTER);
    private final Duration wait;

    @StateId("post")
    private final StateSpec<ValueState<KV<String, Instant>>> postSpec =
        StateSpecs.value(KvCoder.of(StringUtf8Coder.of(), InstantCoder.of()));

    @StateId("waiting")
    private final StateSpec<BagState<Comment>> waitingSpec;

    @StateId("giveUpAt")
    private final StateSpec<ValueState<Instant>> giveUpAtSpec = StateSpecs.value(InstantCoder.of());

    @TimerId("giveUp")
    private final TimerSpec giveUpSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    PlaceFn(Duration wait, Coder<Comment> commentCoder) {
      this.wait = wait;
      this.waitingSpec = StateSpecs.bag(commentCoder);
    }

    @ProcessElement
    public void process(
        @Element KV<String, PostOrComment> element,
        @StateId("post") ValueState<KV<String, Instant>> post,
        @StateId("waiting") BagState<Comment> waiting,
        @StateId("giveUpAt") ValueState<Instant> giveUpAt,
        @TimerId("giveUp") Timer giveUp,
        MultiOutputReceiver out) {
      PostOrComment value = element.getValue();
      if (value.post != null) {
        Post p = value.post;
        if (post.read() != null) {
          return; // ids are unique after parsing; a post is placed once
        }
        KV<String, Instant> placed = KV.of(p.subreddit, p.timestamp);
        post.write(placed);
        out.get(ACTIVITY).outputWithTimestamp(Activity.of(p), p.timestamp);
        List<Comment> early = new ArrayList<>();
        waiting.read().forEach(early::add);
        for (Comment c : early) {
          place(c, placed, out);
        }
        waiting.clear();
        giveUpAt.clear();
        return;
      }
      Comment c = value.comment;
      @Nullable KV<String, Instant> placed = post.read();
      if (placed != null) {
        place(c, placed, out);
        return;
      }
      waiting.add(c);
      Instant at = c.timestamp.plus(wait);
      @Nullable Instant current = giveUpAt.read();
      if (current == null || at.isAfter(current)) {
        giveUp.set(at);
        giveUpAt.write(at);
      }
    }

    private static void place(Comment c, KV<String, Instant> post, MultiOutputReceiver out) {
      if (c.timestamp.isBefore(post.getValue())) {
        UNPLACED_COMMENTS.inc();
        out.get(UNPLACED)
            .output(
                new DeadLetter(
                    "comment " + c.commentId,
                    STEP,
                    "the comment at " + c.timestamp + " is before its post at " + post.getValue(),
                    json(c)));
        return;
      }
      out.get(ACTIVITY).outputWithTimestamp(Activity.of(c, post.getKey()), c.timestamp);
    }

    @OnTimer("giveUp")
    public void onGiveUp(
        @StateId("post") ValueState<KV<String, Instant>> post,
        @StateId("waiting") BagState<Comment> waiting,
        @StateId("giveUpAt") ValueState<Instant> giveUpAt,
        MultiOutputReceiver out) {
      if (post.read() == null) {
        for (Comment c : waiting.read()) {
          UNPLACED_COMMENTS.inc();
          out.get(UNPLACED)
              .output(
                  new DeadLetter(
                      "comment " + c.commentId,
                      STEP,
                      "its post " + c.postId + " did not come",
                      json(c)));
        }
      }
      waiting.clear();
      giveUpAt.clear();
    }
  }
}
