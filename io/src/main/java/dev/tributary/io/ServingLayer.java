package dev.tributary.io;

import java.io.Serializable;
import javax.annotation.Nullable;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * Which layer of a lambda architecture writes a view's documents, so that the batch layer and the
 * speed layer can share one serving index: both write the same document ids (key and window), and
 * Elasticsearch's external versioning ({@code version_type=external_gte}) decides which write
 * stands.
 *
 * <ul>
 *   <li>The speed layer's version is the wall-clock time of the write in milliseconds: a later pane
 *       of a window replaces an earlier one.
 *   <li>The batch layer's version is {@value #BATCH_VERSIONS} plus its run's start time in
 *       milliseconds: above any speed-layer version, so a speed-layer write that comes after it is
 *       refused (a version conflict, counted, not a dead letter), and a later batch run replaces an
 *       earlier one.
 *   <li>A batch run over a range of hours writes only the windows that lie wholly inside it (and
 *       the all-time rows only when it read all the history): a window it saw part of is left to
 *       the layer that saw all of it.
 * </ul>
 *
 * Every document carries {@code layer} ({@code batch} or {@code speed}) and {@code completeUpTo}:
 * the event time up to which its layer had read everything the window holds. For the batch layer
 * that is the window's end (for all-time rows, the end of the history read); for the speed layer
 * the window's end once its final pane is written, and null for early panes.
 */
public final class ServingLayer implements Serializable {
  /** The lowest version of a batch-layer document. */
  public static final long BATCH_VERSIONS = 1L << 62;

  public static final String LAYER_FIELD = "layer";
  public static final String COMPLETE_UP_TO_FIELD = "completeUpTo";

  private final String name;
  private final long batchVersion;
  private final @Nullable Instant from;
  private final @Nullable Instant to;

  private ServingLayer(
      String name, long batchVersion, @Nullable Instant from, @Nullable Instant to) {
    this.name = name;
    this.batchVersion = batchVersion;
    this.from = from;
    this.to = to;
  }

  /** The speed layer: every pane is written, each replacing the one before. */
  public static ServingLayer speed() {
    return new ServingLayer("speed", 0, null, null);
  }

  /**
   * A batch run started at {@code runStart} that read the records from {@code from} (null: from the
   * beginning) to {@code to} (exclusive).
   */
  public static ServingLayer batch(@Nullable Instant from, Instant to, Instant runStart) {
    if (from != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "a batch layer's range must end after it starts: " + from + " to " + to);
    }
    return new ServingLayer("batch", BATCH_VERSIONS + runStart.getMillis(), from, to);
  }

  public String name() {
    return name;
  }

  /** The end of a batch layer's range; null for the speed layer. */
  public @Nullable Instant to() {
    return to;
  }

  public boolean isBatch() {
    return batchVersion > 0;
  }

  /** The version to write a document with now. */
  long version() {
    return isBatch() ? batchVersion : System.currentTimeMillis();
  }

  /**
   * Whether this layer's row for its window may be served: the speed layer's always; the batch
   * layer's when the window lies inside the range it read.
   */
  boolean covers(Row row) {
    if (!isBatch()) {
      return true;
    }
    if (!row.getSchema().hasField("windowStart")) {
      return from == null;
    }
    Instant start = row.getDateTime("windowStart").toInstant();
    Instant end = row.getDateTime("windowEnd").toInstant();
    return (from == null || !start.isBefore(from)) && !end.isAfter(to);
  }

  /** The event time up to which the row's window had been read completely; null if unknown. */
  @Nullable
  Instant completeUpTo(Row row) {
    boolean windowed = row.getSchema().hasField("windowEnd");
    if (isBatch()) {
      return windowed ? row.getDateTime("windowEnd").toInstant() : to;
    }
    boolean isFinal =
        row.getSchema().hasField("isFinal") && Boolean.TRUE.equals(row.getBoolean("isFinal"));
    return isFinal && windowed ? row.getDateTime("windowEnd").toInstant() : null;
  }

  /** {@code document} (a JSON object) with this layer's two fields added at its end. */
  String marked(String document, Row row) {
    Instant complete = completeUpTo(row);
    String fields =
        "\""
            + LAYER_FIELD
            + "\":\""
            + name
            + "\",\""
            + COMPLETE_UP_TO_FIELD
            + "\":"
            + (complete == null ? "null" : "\"" + complete + "\"");
    int end = document.lastIndexOf('}');
    boolean empty = document.substring(0, end).trim().equals("{");
    return document.substring(0, end) + (empty ? "" : ",") + fields + "}";
  }

  @Override
  public String toString() {
    return isBatch()
        ? name + " layer (" + (from == null ? "all" : from) + " to " + to + ")"
        : name + " layer";
  }
}
