package dev.tributary.transforms.social;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Reads one comment, a JSON object with the seed's keys ({@code comment_id}, {@code post_id},
 * {@code user_id}, {@code content}, {@code score}, {@code created_utc}, {@code timestamp}), refused
 * as {@link PostParser} refuses a post.
 */
public final class CommentParser implements RecordParser<Comment> {
  @Override
  public Comment parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    return new Comment(
        json.text("comment_id"),
        json.text("post_id"),
        json.text("user_id"),
        json.textOrEmpty("content"),
        json.wholeNumber("score", -SocialLimits.MAX_SCORE, SocialLimits.MAX_SCORE),
        json.instant("created_utc"),
        json.instant("timestamp"));
  }

  @Override
  public Instant eventTime(Comment comment) {
    return comment.timestamp;
  }

  @Override
  public TypeDescriptor<Comment> type() {
    return TypeDescriptor.of(Comment.class);
  }
}
