package dev.tributary.transforms.social;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A post to a subreddit, with the seed's fields: as created, or as seen again later with a new
 * score and comment count (the same {@code postId}, a later {@code timestamp}).
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Post {
  public final String postId;
  public final String userId;
  public final String subreddit;
  public final String title;
  public final String content;
  public final long score;
  public final long numComments;

  /** When the post was created. */
  public final Instant createdUtc;

  /** When this version of the post was recorded: the event time. */
  public final Instant timestamp;

  @SchemaCreate
  public Post(
      String postId,
      String userId,
      String subreddit,
      String title,
      String content,
      long score,
      long numComments,
      Instant createdUtc,
      Instant timestamp) {
    this.postId = postId;
    this.userId = userId;
    this.subreddit = subreddit;
    this.title = title;
    this.content = content;
    this.score = score;
    this.numComments = numComments;
    this.createdUtc = createdUtc;
    this.timestamp = timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Post other
        && postId.equals(other.postId)
        && userId.equals(other.userId)
        && subreddit.equals(other.subreddit)
        && title.equals(other.title)
        && content.equals(other.content)
        && score == other.score
        && numComments == other.numComments
        && createdUtc.equals(other.createdUtc)
        && timestamp.equals(other.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(postId, score, timestamp);
  }

  @Override
  public String toString() {
    return "Post{" + postId + ", r/" + subreddit + ", score " + score + ", " + timestamp + "}";
  }
}
