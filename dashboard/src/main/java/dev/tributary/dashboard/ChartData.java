package dev.tributary.dashboard;

import java.util.List;

/**
 * What one panel draws: the labels along its axis and one or more named series of values, one per
 * label. {@code points()} is how many values it holds, for the page to show "no data yet".
 */
public record ChartData(List<String> labels, List<Series> series) {
  /** One named line or set of bars. */
  public record Series(String name, List<Number> values) {}

  public static ChartData empty() {
    return new ChartData(List.of(), List.of());
  }

  public int points() {
    return series.stream().mapToInt(s -> s.values().size()).sum();
  }
}
