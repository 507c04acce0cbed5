package dev.tributary.transforms.social;

import dev.tributary.testdata.social.SocialHistoryGenerator;
import dev.tributary.testing.DomainCase;
import dev.tributary.transforms.ParseAttempt;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RecordParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Social in the shared harness: a generated history of three hours (posts, comments, user updates,
 * malformed lines among them, and a line from an unknown folder) through {@link SocialViews},
 * against {@link SocialModel}.
 */
public final class SocialCase implements DomainCase {
  static final int TOP_POSTS = 3;
  static final Duration ALLOWED_LATENESS = Duration.standardMinutes(30);
  private static final List<RawRecord> RAW = raw();

  private static List<RawRecord> raw() {
    SocialHistoryGenerator.Settings settings = new SocialHistoryGenerator.Settings();
    settings.seed = 3;
    settings.start = LocalDate.of(2025, 11, 1);
    settings.days = 1;
    settings.users = 15;
    settings.postsPerHour = 4;
    settings.commentsPerPost = 2;
    settings.userUpdatesPerHour = 2;
    settings.malformedShare = 0.05;
    SocialHistoryGenerator.Output output = SocialHistoryGenerator.generate(settings);
    List<RawRecord> raw = new ArrayList<>();
    output
        .files()
        .forEach(
            (file, lines) -> {
              // The first three hours keep the streams small enough for every runner.
              if (file.contains("/hour=00/")
                  || file.contains("/hour=01/")
                  || file.contains("/hour=02/")) {
                raw.addAll(RawRecord.ofLines(file, lines));
              }
            });
    raw.add(RawRecord.ofLine("votes/year=2025/month=11/day=01/hour=00/data_0.json", 1, "{}"));
    return raw;
  }

  private static ParseAttempt<?> attempt(RawRecord record) {
    Optional<SocialKind> kind = SocialKind.ofSource(record.source);
    RecordParser<?> parser =
        kind.isEmpty()
            ? new PostParser()
            : switch (kind.get()) {
              case POSTS -> new PostParser();
              case COMMENTS -> new CommentParser();
              case USERS -> new UserParser();
            };
    return ParseAttempt.of(parser, record);
  }

  @Override
  public String name() {
    return "social";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public List<TimestampedValue<RawRecord>> events() {
    return DomainCase.timedBy(SocialCase::attempt, RAW, Instant.parse("2025-11-01T00:00:00Z"));
  }

  @Override
  public Duration allowedLateness() {
    return ALLOWED_LATENESS;
  }

  @Override
  public Map<String, PCollection<?>> apply(Pipeline pipeline, PCollection<RawRecord> events) {
    SocialOutputs outputs =
        events.apply(
            SocialViews.of(
                TOP_POSTS,
                ALLOWED_LATENESS,
                Duration.standardMinutes(1),
                Duration.standardDays(1)));
    Map<String, PCollection<?>> all = new LinkedHashMap<>(outputs.views());
    all.put("activity", outputs.activity());
    all.put("users", outputs.users());
    all.put("deadLetters", outputs.deadLetters());
    return all;
  }

  @Override
  public Map<String, List<?>> model() {
    SocialModel.Result expected = new SocialModel(TOP_POSTS).run(RAW);
    Map<String, List<?>> all = new LinkedHashMap<>(expected.views());
    all.put("activity", expected.activity());
    all.put("users", expected.users());
    all.put("deadLetters", expected.deadLetters());
    return all;
  }
}
