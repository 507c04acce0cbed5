package dev.tributary.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents of a view with the largest {@code valueField}, largest first, labelled by {@code
 * labelField} (ties in label order); for a windowed view optionally only those of its latest window
 * (e.g. today's top posts).
 */
public final class TopValues implements Panel.Query {
  private final String index;
  private final String labelField;
  private final String valueField;
  private final int size;
  private final boolean latestWindowOnly;

  private TopValues(
      String index, String labelField, String valueField, int size, boolean latestWindowOnly) {
    this.index = index;
    this.labelField = labelField;
    this.valueField = valueField;
    this.size = size;
    this.latestWindowOnly = latestWindowOnly;
  }

  /** The {@code size} documents of {@code index} with the largest {@code valueField}. */
  public static TopValues of(String index, String labelField, String valueField, int size) {
    return new TopValues(index, labelField, valueField, size, false);
  }

  /** Only the documents of the view's latest window. */
  public TopValues inLatestWindow() {
    return new TopValues(index, labelField, valueField, size, true);
  }

  @Override
  public ChartData run(Elasticsearch elasticsearch) throws IOException {
    ObjectNode body = Elasticsearch.body();
    body.put("size", size);
    ArrayNode sort = body.putArray("sort");
    sort.addObject().putObject(valueField).put("order", "desc");
    // Ties in label order, as text fields are mapped with a keyword beside them.
    sort.addObject().putObject(labelField + ".keyword").put("order", "asc");
    if (latestWindowOnly) {
      ObjectNode latest = Elasticsearch.body();
      latest.put("size", 1);
      latest.putArray("sort").addObject().putObject("windowStart").put("order", "desc");
      JsonNode hits = elasticsearch.search(index, latest).path("hits").path("hits");
      if (hits.isEmpty()) {
        return ChartData.empty();
      }
      body.putObject("query")
          .putObject("term")
          .put("windowStart", hits.get(0).path("_source").path("windowStart").asText());
    }
    List<String> labels = new ArrayList<>();
    List<Number> values = new ArrayList<>();
    for (JsonNode hit : elasticsearch.search(index, body).path("hits").path("hits")) {
      labels.add(hit.path("_source").path(labelField).asText());
      values.add(hit.path("_source").path(valueField).decimalValue());
    }
    return new ChartData(labels, List.of(new ChartData.Series(valueField, values)));
  }
}
