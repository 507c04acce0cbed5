package dev.tributary.transforms.social;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.ParsedRecords;
import dev.tributary.transforms.RawRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * {@link SocialViews} as plain loops over the records, with no Beam: the tests' oracle and the
 * bench's baseline. Written again from the definitions; only the parsers, {@link SocialKind} and
 * the comment's dead-letter payload are shared.
 */
public final class SocialModel {
  private final int topPosts;

  public SocialModel(int topPosts) {
    this.topPosts = topPosts;
  }

  /** The model's outputs. */
  public record Result(
      List<Activity> activity,
      List<User> users,
      Map<String, List<Row>> views,
      List<DeadLetter> deadLetters) {}

  public Result run(List<RawRecord> raw) {
    Map<SocialKind, List<RawRecord>> byKind = new EnumMap<>(SocialKind.class);
    List<DeadLetter> deadLetters = new ArrayList<>();
    for (SocialKind kind : SocialKind.values()) {
      byKind.put(kind, new ArrayList<>());
    }
    for (RawRecord record : raw) {
      Optional<SocialKind> kind = SocialKind.ofSource(record.source);
      if (kind.isPresent()) {
        byKind.get(kind.get()).add(record);
      } else {
        deadLetters.add(
            DeadLetter.of(
                record,
                "SplitSocialRecords",
                "the source names no kind of record (topics reddit.posts, reddit.comments,"
                    + " reddit.users; folders posts/, comments/, users/)"));
      }
    }
    ParsedRecords<Post> posts =
        ParsedRecords.of("posts", new PostParser(), p -> p.postId, byKind.get(SocialKind.POSTS));
    ParsedRecords<Comment> comments =
        ParsedRecords.of(
            "comments", new CommentParser(), c -> c.commentId, byKind.get(SocialKind.COMMENTS));
    ParsedRecords<User> users =
        ParsedRecords.of(
            "users",
            new UserParser(),
            u -> u.userId + "@" + u.timestamp.getMillis(),
            byKind.get(SocialKind.USERS));
    deadLetters.addAll(posts.deadLetters());
    deadLetters.addAll(comments.deadLetters());
    deadLetters.addAll(users.deadLetters());

    Map<String, Post> postById = new LinkedHashMap<>();
    List<Activity> activity = new ArrayList<>();
    for (Post post : posts.records()) {
      postById.put(post.postId, post);
      activity.add(Activity.of(post));
    }
    for (Comment comment : comments.records()) {
      Post post = postById.get(comment.postId);
      if (post == null) {
        deadLetters.add(
            new DeadLetter(
                "comment " + comment.commentId,
                PlaceComments.STEP,
                "its post " + comment.postId + " did not come",
                PlaceComments.json(comment)));
      } else if (comment.timestamp.isBefore(post.timestamp)) {
        deadLetters.add(
            new DeadLetter(
                "comment " + comment.commentId,
                PlaceComments.STEP,
                "the comment at " + comment.timestamp + " is before its post at " + post.timestamp,
                PlaceComments.json(comment)));
      } else {
        activity.add(Activity.of(comment, post.subreddit));
      }
    }

    Map<String, List<Row>> views = new LinkedHashMap<>();
    for (SocialView view : SocialView.values()) {
      views.put(view.folder(), view(activity, view));
    }
    views.put(SocialView.TOP_POSTS, top(posts.records(), null));
    views.put(SocialView.TOP_POSTS_DAILY, top(posts.records(), SocialViews.DAY));
    return new Result(activity, users.records(), views, deadLetters);
  }

  private static Optional<Instant> windowOf(Instant time, Duration size) {
    if (size == null) {
      return Optional.empty();
    }
    long millis = size.getMillis();
    return Optional.of(new Instant(Math.floorDiv(time.getMillis(), millis) * millis));
  }

  private record Cell(String key, Optional<Instant> windowStart) {}

  private static List<Row> view(List<Activity> activity, SocialView view) {
    Map<Cell, List<Activity>> cells = new LinkedHashMap<>();
    for (Activity a : activity) {
      cells
          .computeIfAbsent(
              new Cell(view.keyOf().apply(a), windowOf(a.timestamp, view.window())),
              c -> new ArrayList<>())
          .add(a);
    }
    Schema schema = SocialViews.schemaOf(view);
    List<Row> rows = new ArrayList<>();
    cells.forEach(
        (cell, inCell) -> {
          BigDecimal posts = BigDecimal.ZERO;
          BigDecimal comments = BigDecimal.ZERO;
          BigDecimal karma = BigDecimal.ZERO;
          Set<String> users = new HashSet<>();
          for (Activity a : inCell) {
            if (a.isPost()) {
              posts = posts.add(BigDecimal.ONE);
            } else {
              comments = comments.add(BigDecimal.ONE);
            }
            karma = karma.add(BigDecimal.valueOf(a.score));
            users.add(a.userId);
          }
          List<Object> values = new ArrayList<>();
          values.add(cell.key());
          cell.windowStart()
              .ifPresent(
                  start -> {
                    values.add(start);
                    values.add(start.plus(view.window()));
                  });
          values.add((long) inCell.size());
          values.add(posts);
          values.add(comments);
          values.add((long) users.size());
          values.add(karma);
          values.add(true);
          rows.add(Row.withSchema(schema).addValues(values).build());
        });
    return rows;
  }

  /** The posts with the highest scores per subreddit and window, ties to the smaller id. */
  private List<Row> top(List<Post> posts, Duration day) {
    Schema schema =
        SocialViews.topPostsRanking(1)
            .resultSchema(day == null ? new GlobalWindows() : FixedWindows.of(day));
    Map<Cell, List<Post>> groups =
        new TreeMap<>(
            Comparator.comparing(Cell::key)
                .thenComparing(c -> c.windowStart().orElse(new Instant(0))));
    for (Post post : posts) {
      groups
          .computeIfAbsent(
              new Cell(post.subreddit, windowOf(post.timestamp, day)), c -> new ArrayList<>())
          .add(post);
    }
    List<Row> rows = new ArrayList<>();
    groups.forEach(
        (cell, inGroup) -> {
          inGroup.sort(
              Comparator.comparingLong((Post p) -> p.score)
                  .reversed()
                  .thenComparing(p -> p.postId));
          for (int i = 0; i < Math.min(topPosts, inGroup.size()); i++) {
            Post post = inGroup.get(i);
            List<Object> values = new ArrayList<>();
            values.add(cell.key());
            cell.windowStart()
                .ifPresent(
                    start -> {
                      values.add(start);
                      values.add(start.plus(day));
                    });
            values.add(i + 1);
            values.add(post.postId);
            values.add(BigDecimal.valueOf(post.score));
            values.add(true);
            rows.add(Row.withSchema(schema).addValues(values).build());
          }
        });
    return rows;
  }
}
