package dev.tributary.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A time series from a windowed view: its latest {@code windows} documents by {@code windowStart},
 * oldest first, labelled with the window's start (UTC), one series per measure.
 */
public final class LatestWindows implements Panel.Query {
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final String index;
  private final int windows;
  private final Map<String, String> measures;

  /** {@code measures}: field name to series name, in order. */
  public LatestWindows(String index, int windows, Map<String, String> measures) {
    this.index = index;
    this.windows = windows;
    this.measures = new LinkedHashMap<>(measures);
  }

  @Override
  public ChartData run(Elasticsearch elasticsearch) throws IOException {
    ObjectNode body = Elasticsearch.body();
    body.put("size", windows);
    body.putArray("sort").addObject().putObject("windowStart").put("order", "desc");
    JsonNode hits = elasticsearch.search(index, body).path("hits").path("hits");
    List<String> labels = new ArrayList<>();
    Map<String, List<Number>> values = new LinkedHashMap<>();
    measures.values().forEach(name -> values.put(name, new ArrayList<>()));
    for (int i = hits.size() - 1; i >= 0; i--) {
      JsonNode doc = hits.get(i).path("_source");
      labels.add(LABEL.format(Instant.parse(doc.path("windowStart").asText())));
      measures.forEach((field, name) -> values.get(name).add(doc.path(field).decimalValue()));
    }
    List<ChartData.Series> series = new ArrayList<>();
    values.forEach((name, numbers) -> series.add(new ChartData.Series(name, numbers)));
    return new ChartData(labels, series);
  }
}
