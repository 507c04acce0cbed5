package dev.tributary.transforms.gambling;

import dev.tributary.transforms.AggregateWindows;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.joda.time.Duration;

/**
 * The gross gaming revenue views: stakes, payouts, revenue (stakes less payouts) and observed RTP
 * (payouts over stakes) per game, provider and game type over all time, and per game and in all per
 * UTC day. Each has a folder name (the batch output folder; the Elasticsearch index's middle part
 * with '-' as '_').
 */
public enum RevenueView {
  BY_GAME("revenue-by-game", "gameId", b -> b.gameId, null),
  BY_PROVIDER("revenue-by-provider", "provider", b -> b.provider, null),
  BY_GAME_TYPE("revenue-by-game-type", "gameType", b -> b.gameType, null),
  BY_GAME_DAILY("revenue-by-game-daily", "gameId", b -> b.gameId, Duration.standardDays(1)),
  DAILY("revenue-daily", "scope", b -> "all", Duration.standardDays(1));

  private final String folder;
  private final String keyField;
  private final SerializableFunction<PlacedBet, String> keyOf;
  private final Duration window;

  RevenueView(
      String folder,
      String keyField,
      SerializableFunction<PlacedBet, String> keyOf,
      Duration window) {
    this.folder = folder;
    this.keyField = keyField;
    this.keyOf = keyOf;
    this.window = window;
  }

  public String folder() {
    return folder;
  }

  public String keyField() {
    return keyField;
  }

  SerializableFunction<PlacedBet, String> keyOf() {
    return keyOf;
  }

  /** The window's length; null over all time. */
  public Duration window() {
    return window;
  }

  AggregateWindows windows() {
    return window == null ? AggregateWindows.allTime() : AggregateWindows.fixed(window);
  }
}
