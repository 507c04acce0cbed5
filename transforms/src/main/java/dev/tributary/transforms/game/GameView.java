package dev.tributary.transforms.game;

import dev.tributary.transforms.AggregateWindows;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.joda.time.Duration;

/**
 * The counts of {@link CountGameEvents}: events per event type and per host (the seed's two Spark
 * SQL tables), over all time and per hour. Each has a folder name (the batch output folder, and the
 * Elasticsearch index's middle part with '-' as '_'), its key field and the fields that identify
 * one of its rows.
 */
public enum GameView {
  BY_EVENT_TYPE("by-event-type", "eventType", e -> e.eventType, false),
  BY_EVENT_TYPE_HOURLY("by-event-type-hourly", "eventType", e -> e.eventType, true),
  BY_HOST("by-host", "host", e -> e.host, false),
  BY_HOST_HOURLY("by-host-hourly", "host", e -> e.host, true);

  /** The windows of the hourly views. */
  public static final Duration HOUR = Duration.standardHours(1);

  private final String folder;
  private final String keyField;
  private final SerializableFunction<GameEvent, String> keyOf;
  private final boolean hourly;

  GameView(
      String folder,
      String keyField,
      SerializableFunction<GameEvent, String> keyOf,
      boolean hourly) {
    this.folder = folder;
    this.keyField = keyField;
    this.keyOf = keyOf;
    this.hourly = hourly;
  }

  public String folder() {
    return folder;
  }

  public String keyField() {
    return keyField;
  }

  SerializableFunction<GameEvent, String> keyOf() {
    return keyOf;
  }

  public boolean hourly() {
    return hourly;
  }

  AggregateWindows windows() {
    return hourly ? AggregateWindows.fixed(HOUR) : AggregateWindows.allTime();
  }

  /** The fields that identify one row of this view: the document id's parts. */
  public List<String> idFields() {
    return hourly ? List.of(keyField, "windowStart") : List.of(keyField);
  }

  /** The view written to {@code folder}. */
  public static GameView ofFolder(String folder) {
    for (GameView view : values()) {
      if (view.folder.equals(folder)) {
        return view;
      }
    }
    throw new IllegalArgumentException("no game events view " + folder);
  }
}
