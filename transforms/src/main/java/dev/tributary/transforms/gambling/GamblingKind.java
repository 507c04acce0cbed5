package dev.tributary.transforms.gambling;

import java.util.Optional;

/**
 * The six kinds of gambling record, each with its folder in the seed's layout ({@code
 * <base>/bets/bets.json}) and the Kafka topic that carries it live: {@code gambling-bets}, {@code
 * gambling-transactions}, and {@code gambling-player-activity} for sessions and events (told apart
 * by their fields). Players and games are reference data, read from files.
 */
public enum GamblingKind {
  PLAYERS("players", null),
  GAMES("games", null),
  SESSIONS("sessions", "gambling-player-activity"),
  BETS("bets", "gambling-bets"),
  TRANSACTIONS("transactions", "gambling-transactions"),
  EVENTS("events", "gambling-player-activity");

  public static final String PLAYER_ACTIVITY_TOPIC = "gambling-player-activity";

  private final String folder;
  private final String topic;

  GamblingKind(String folder, String topic) {
    this.folder = folder;
    this.topic = topic;
  }

  /** Whether this kind is reference data (players, games), read from files. */
  public boolean isReference() {
    return topic == null;
  }

  public String folder() {
    return folder;
  }

  /** The topic that carries this kind live; null for reference data. */
  public String topic() {
    return topic;
  }

  /**
   * The kind of a record from its source ({@code kafka:gambling-bets/0@12}, or a file under a
   * {@code bets/} folder) and, on the player-activity topic, its payload: a session has a {@code
   * start_time}, an event does not. Empty when the source names no kind.
   */
  public static Optional<GamblingKind> of(String source, String payload) {
    if (source.startsWith("kafka:" + PLAYER_ACTIVITY_TOPIC + "/")) {
      return Optional.of(payload.contains("\"start_time\"") ? SESSIONS : EVENTS);
    }
    for (GamblingKind kind : values()) {
      if ((kind.topic != null && source.startsWith("kafka:" + kind.topic + "/"))
          || source.contains("/" + kind.folder + "/")
          || source.startsWith(kind.folder + "/")) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
