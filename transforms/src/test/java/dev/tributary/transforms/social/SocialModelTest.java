package dev.tributary.transforms.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.testdata.social.SocialHistoryGenerator;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The model over a generated day against the generator's ground truth and against itself. */
class SocialModelTest {
  private static final SocialHistoryGenerator.Output DATA = generate();

  private static SocialHistoryGenerator.Output generate() {
    SocialHistoryGenerator.Settings settings = new SocialHistoryGenerator.Settings();
    settings.days = 1;
    settings.users = 100;
    settings.postsPerHour = 20;
    settings.malformedShare = 0.01;
    return SocialHistoryGenerator.generate(settings);
  }

  private static List<RawRecord> raw() {
    List<RawRecord> raw = new ArrayList<>();
    DATA.files().forEach((file, lines) -> raw.addAll(RawRecord.ofLines(file, lines)));
    return raw;
  }

  private final SocialModel.Result result = new SocialModel(10).run(raw());

  @Test
  void everyLabelledLineIsADeadLetterAndNothingElse() {
    TreeSet<String> labelled =
        DATA.groundTruth().stream()
            .map(l -> l.file() + ":" + l.line())
            .collect(Collectors.toCollection(TreeSet::new));
    TreeSet<String> dead =
        result.deadLetters().stream()
            .map((DeadLetter d) -> d.source)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(labelled, dead);
    assertTrue(labelled.size() > 5, "some malformed lines: " + labelled.size());
    assertEquals(
        DATA.records(),
        result.activity().size() + result.users().size() + result.deadLetters().size());
  }

  @Test
  void theViewsAddUpToTheActivity() {
    long posts = result.activity().stream().filter(Activity::isPost).count();
    long comments = result.activity().size() - posts;
    assertTrue(comments > posts, comments + " comments, " + posts + " posts");
    for (SocialView view : SocialView.values()) {
      List<Row> rows = result.views().get(view.folder());
      assertEquals(
          BigDecimal.valueOf(posts),
          rows.stream().map(r -> r.getDecimal("posts")).reduce(BigDecimal.ZERO, BigDecimal::add),
          view.folder());
      assertEquals(
          BigDecimal.valueOf(comments),
          rows.stream().map(r -> r.getDecimal("comments")).reduce(BigDecimal.ZERO, BigDecimal::add),
          view.folder());
    }
    assertEquals(
        24,
        result.views().get(SocialView.SUBREDDIT_ACTIVITY.folder()).stream()
            .map(r -> r.getDateTime("windowStart"))
            .distinct()
            .count());
  }

  @Test
  void topPostsAreRankedByScoreWithinTheirSubreddit() {
    List<Row> top = result.views().get(SocialView.TOP_POSTS);
    assertEquals(100, top.size(), "10 subreddits x 10");
    for (int i = 1; i < top.size(); i++) {
      Row previous = top.get(i - 1);
      Row row = top.get(i);
      if (previous.getString("subreddit").equals(row.getString("subreddit"))) {
        assertEquals(previous.getInt32("rank") + 1, row.getInt32("rank"));
        assertTrue(previous.getDecimal("score").compareTo(row.getDecimal("score")) >= 0);
      }
    }
  }
}
