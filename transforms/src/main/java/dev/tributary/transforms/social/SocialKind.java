package dev.tributary.transforms.social;

import java.util.Optional;

/**
 * The three kinds of social record, each with its Kafka topic and its folder in the history ({@code
 * <base>/posts/year=YYYY/month=MM/day=DD/hour=HH/data_*.json}). A raw record's kind is read from
 * its source: {@code kafka:reddit.posts/2@17}, or a file under a {@code posts/year=...} folder.
 */
public enum SocialKind {
  POSTS("posts", "reddit.posts"),
  COMMENTS("comments", "reddit.comments"),
  USERS("users", "reddit.users");

  private final String folder;
  private final String topic;

  SocialKind(String folder, String topic) {
    this.folder = folder;
    this.topic = topic;
  }

  public String folder() {
    return folder;
  }

  public String topic() {
    return topic;
  }

  /** The kind of a record from {@code source}, or none when the source names no kind. */
  public static Optional<SocialKind> ofSource(String source) {
    for (SocialKind kind : values()) {
      if (source.startsWith("kafka:" + kind.topic + "/")
          || source.contains("/" + kind.folder + "/year=")
          || source.startsWith(kind.folder + "/year=")) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
