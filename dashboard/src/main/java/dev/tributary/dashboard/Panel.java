package dev.tributary.dashboard;

import java.io.IOException;

/**
 * One chart of a page: an id (unique in its page, used in its URL), a title, how it is drawn, and
 * the query that gives its data.
 */
public record Panel(String id, String title, Kind kind, Query query) {
  /** How a panel is drawn. */
  public enum Kind {
    /** A line per series over time. */
    LINE,
    /** Bars per label, one colour per series. */
    BAR,
    /** Bars per label, the series stacked. */
    STACKED_BAR
  }

  /** Reads a panel's data from Elasticsearch. */
  @FunctionalInterface
  public interface Query {
    ChartData run(Elasticsearch elasticsearch) throws IOException;
  }

  public Panel {
    if (!id.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException(
          "a panel id is lower-case letters, digits and '-', got '" + id + "'");
    }
  }
}
