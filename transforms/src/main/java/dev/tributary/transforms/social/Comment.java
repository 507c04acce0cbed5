package dev.tributary.transforms.social;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/** A comment on a post, with the seed's fields. Its subreddit is its post's. */
@DefaultSchema(JavaFieldSchema.class)
public final class Comment {
  public final String commentId;
  public final String postId;
  public final String userId;
  public final String content;
  public final long score;
  public final Instant createdUtc;

  /** When this version of the comment was recorded: the event time. */
  public final Instant timestamp;

  @SchemaCreate
  public Comment(
      String commentId,
      String postId,
      String userId,
      String content,
      long score,
      Instant createdUtc,
      Instant timestamp) {
    this.commentId = commentId;
    this.postId = postId;
    this.userId = userId;
    this.content = content;
    this.score = score;
    this.createdUtc = createdUtc;
    this.timestamp = timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Comment other
        && commentId.equals(other.commentId)
        && postId.equals(other.postId)
        && userId.equals(other.userId)
        && content.equals(other.content)
        && score == other.score
        && createdUtc.equals(other.createdUtc)
        && timestamp.equals(other.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(commentId, score, timestamp);
  }

  @Override
  public String toString() {
    return "Comment{" + commentId + " on " + postId + ", " + timestamp + "}";
  }
}
