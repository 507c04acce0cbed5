package dev.tributary.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * For a lambda architecture's serving indices: how many documents of each index the batch layer and
 * the speed layer wrote (their {@code layer} field), one bar per index.
 */
public final class LayerMix implements Panel.Query {
  private static final List<String> LAYERS = List.of("batch", "speed");
  private final Map<String, String> indices;

  /** {@code indices}: label to index name, in order. */
  public LayerMix(Map<String, String> indices) {
    this.indices = new java.util.LinkedHashMap<>(indices);
  }

  @Override
  public ChartData run(Elasticsearch elasticsearch) throws IOException {
    List<String> labels = new ArrayList<>();
    Map<String, List<Number>> counts = new TreeMap<>();
    LAYERS.forEach(layer -> counts.put(layer, new ArrayList<>()));
    for (Map.Entry<String, String> labelled : indices.entrySet()) {
      String index = labelled.getValue();
      ObjectNode body = Elasticsearch.body();
      body.put("size", 0);
      body.putObject("aggs").putObject("layers").putObject("terms").put("field", "layer.keyword");
      JsonNode buckets =
          elasticsearch.search(index, body).path("aggregations").path("layers").path("buckets");
      labels.add(labelled.getKey());
      for (String layer : LAYERS) {
        long count = 0;
        for (JsonNode bucket : buckets) {
          if (bucket.path("key").asText().equals(layer)) {
            count = bucket.path("doc_count").asLong();
          }
        }
        counts.get(layer).add(count);
      }
    }
    List<ChartData.Series> series = new ArrayList<>();
    counts.forEach((layer, values) -> series.add(new ChartData.Series(layer, values)));
    return new ChartData(labels, series);
  }
}
