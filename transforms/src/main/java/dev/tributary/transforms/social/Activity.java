package dev.tributary.transforms.social;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * One contribution to a subreddit, a post or a comment, with the subreddit it went to (a comment's
 * is its post's): what the activity views count.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Activity {
  public static final String POST = "post";
  public static final String COMMENT = "comment";

  /** {@value #POST} or {@value #COMMENT}. */
  public final String kind;

  /** The post's or the comment's id. */
  public final String id;

  public final String subreddit;
  public final String userId;
  public final long score;
  public final Instant timestamp;

  @SchemaCreate
  public Activity(
      String kind, String id, String subreddit, String userId, long score, Instant timestamp) {
    this.kind = kind;
    this.id = id;
    this.subreddit = subreddit;
    this.userId = userId;
    this.score = score;
    this.timestamp = timestamp;
  }

  public static Activity of(Post post) {
    return new Activity(POST, post.postId, post.subreddit, post.userId, post.score, post.timestamp);
  }

  public static Activity of(Comment comment, String subreddit) {
    return new Activity(
        COMMENT, comment.commentId, subreddit, comment.userId, comment.score, comment.timestamp);
  }

  public boolean isPost() {
    return POST.equals(kind);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Activity other
        && kind.equals(other.kind)
        && id.equals(other.id)
        && subreddit.equals(other.subreddit)
        && userId.equals(other.userId)
        && score == other.score
        && timestamp.equals(other.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, id, timestamp);
  }

  @Override
  public String toString() {
    return "Activity{" + kind + " " + id + " in r/" + subreddit + " by " + userId + "}";
  }
}
