package dev.tributary.transforms.social;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Reads one post, a JSON object with the seed's keys ({@code post_id}, {@code user_id}, {@code
 * subreddit}, {@code title}, {@code content}, {@code score}, {@code num_comments}, {@code
 * created_utc}, {@code timestamp}). The content may be empty (a link post); a score is a whole
 * number within ±{@value SocialLimits#MAX_SCORE}, a comment count from 0; times ISO-8601 with an
 * offset.
 */
public final class PostParser implements RecordParser<Post> {
  @Override
  public Post parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    return new Post(
        json.text("post_id"),
        json.text("user_id"),
        json.text("subreddit", SocialLimits.SUBREDDIT, SocialLimits.SUBREDDIT_RULE),
        json.text("title"),
        json.textOrEmpty("content"),
        json.wholeNumber("score", -SocialLimits.MAX_SCORE, SocialLimits.MAX_SCORE),
        json.wholeNumber("num_comments", 0, SocialLimits.MAX_SCORE),
        json.instant("created_utc"),
        json.instant("timestamp"));
  }

  @Override
  public Instant eventTime(Post post) {
    return post.timestamp;
  }

  @Override
  public TypeDescriptor<Post> type() {
    return TypeDescriptor.of(Post.class);
  }
}
