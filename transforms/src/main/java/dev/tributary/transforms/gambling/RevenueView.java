package dev.tributary.transforms.gambling;

import dev.tributary.transforms.AggregateWindows;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.joda.time.Duration;

/**
 * The gross gaming revenue views: stakes, payouts, revenue (stakes less payouts) and observed RTP
 * (payouts over stakes) per game, provider and game type over all time, and per game and in all per
 * UTC day, and in all per UTC calendar month. Each has a folder name (the batch output folder; the
 * Elasticsearch index's middle part with '-' as '_').
 */
public enum RevenueView {
  BY_GAME("revenue-by-game", "gameId", b -> b.gameId, AggregateWindows.allTime()),
  BY_PROVIDER("revenue-by-provider", "provider", b -> b.provider, AggregateWindows.allTime()),
  BY_GAME_TYPE("revenue-by-game-type", "gameType", b -> b.gameType, AggregateWindows.allTime()),
  BY_GAME_DAILY(
      "revenue-by-game-daily",
      "gameId",
      b -> b.gameId,
      AggregateWindows.fixed(Duration.standardDays(1))),
  DAILY("revenue-daily", "scope", b -> "all", AggregateWindows.fixed(Duration.standardDays(1))),
  MONTHLY("revenue-monthly", "scope", b -> "all", AggregateWindows.calendarMonths());

  private final String folder;
  private final String keyField;
  private final SerializableFunction<PlacedBet, String> keyOf;
  private final AggregateWindows windows;

  RevenueView(
      String folder,
      String keyField,
      SerializableFunction<PlacedBet, String> keyOf,
      AggregateWindows windows) {
    this.folder = folder;
    this.keyField = keyField;
    this.keyOf = keyOf;
    this.windows = windows;
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

  public AggregateWindows windows() {
    return windows;
  }
}
