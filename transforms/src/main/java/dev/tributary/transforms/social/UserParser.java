package dev.tributary.transforms.social;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Reads one user update, a JSON object with the seed's keys ({@code user_id}, {@code username},
 * {@code karma}, {@code created_utc}, {@code timestamp}); karma may be negative.
 */
public final class UserParser implements RecordParser<User> {
  @Override
  public User parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    return new User(
        json.text("user_id"),
        json.text("username"),
        json.wholeNumber("karma", -SocialLimits.MAX_KARMA, SocialLimits.MAX_KARMA),
        json.instant("created_utc"),
        json.instant("timestamp"));
  }

  @Override
  public Instant eventTime(User user) {
    return user.timestamp;
  }

  @Override
  public TypeDescriptor<User> type() {
    return TypeDescriptor.of(User.class);
  }
}
