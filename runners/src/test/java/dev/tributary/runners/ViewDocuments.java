package dev.tributary.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.io.ServingLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.values.Row;

/**
 * Views' documents in Elasticsearch and a model's rows in one comparable form: per index, a set of
 * "field=value|..." lines without the marks that differ between the layers and panes ({@code
 * layer}, {@code completeUpTo}, {@code isFinal}); numbers in plain form, times as instants.
 */
public final class ViewDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MARKS =
      Set.of(ServingLayer.LAYER_FIELD, ServingLayer.COMPLETE_UP_TO_FIELD, "isFinal");

  private ViewDocuments() {}

  /** The model's rows of every view, as their documents must read. */
  public static Map<String, Set<String>> ofModel(
      Map<String, List<Row>> views, java.util.function.Function<String, String> indexOf) {
    Map<String, Set<String>> expected = new TreeMap<>();
    views.forEach(
        (folder, rows) -> {
          Set<String> described = new TreeSet<>();
          for (Row row : rows) {
            List<String> parts = new ArrayList<>();
            for (String field : row.getSchema().getFieldNames()) {
              if (!MARKS.contains(field)) {
                parts.add(field + "=" + text(row.getValue(field)));
              }
            }
            described.add(String.join("|", parts));
          }
          expected.put(indexOf.apply(folder), described);
        });
    return expected;
  }

  /** Every document of {@code indexes}. */
  public static Map<String, Set<String>> of(
      ElasticsearchExtension elasticsearch, Set<String> indexes) {
    Map<String, Set<String>> documents = new TreeMap<>();
    for (Map.Entry<String, List<JsonNode>> index : sources(elasticsearch, indexes).entrySet()) {
      documents.put(index.getKey(), describe(index.getValue()));
    }
    return documents;
  }

  /** Documents' sources in the comparable form. */
  public static Set<String> describe(List<JsonNode> docs) {
    Set<String> described = new TreeSet<>();
    for (JsonNode doc : docs) {
      List<String> parts = new ArrayList<>();
      for (Iterator<String> fields = doc.fieldNames(); fields.hasNext(); ) {
        String field = fields.next();
        if (!MARKS.contains(field)) {
          parts.add(field + "=" + text(doc.get(field)));
        }
      }
      described.add(String.join("|", parts));
    }
    return described;
  }

  /** The documents' sources, per index; none for an index that does not exist yet. */
  public static Map<String, List<JsonNode>> sources(
      ElasticsearchExtension elasticsearch, Set<String> indexes) {
    Map<String, List<JsonNode>> sources = new TreeMap<>();
    for (String index : indexes) {
      List<JsonNode> docs = new ArrayList<>();
      if (elasticsearch.count(index) > 0) {
        try {
          for (JsonNode hit : JSON.readTree(elasticsearch.search(index)).get("hits").get("hits")) {
            docs.add(hit.get("_source"));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      sources.put(index, docs);
    }
    return sources;
  }

  /** What differs: per index, how many documents are missing and unexpected, with an example. */
  public static String difference(Map<String, Set<String>> expected, Map<String, Set<String>> got) {
    List<String> report = new ArrayList<>();
    expected.forEach(
        (index, docs) -> {
          Set<String> missing = new TreeSet<>(docs);
          Set<String> extra = new TreeSet<>(got.getOrDefault(index, Set.of()));
          missing.removeAll(extra);
          extra.removeAll(docs);
          if (!missing.isEmpty() || !extra.isEmpty()) {
            report.add(
                index
                    + " lacks "
                    + missing.size()
                    + (missing.isEmpty() ? "" : " (e.g. " + missing.iterator().next() + ")")
                    + ", has "
                    + extra.size()
                    + " more"
                    + (extra.isEmpty() ? "" : " (e.g. " + extra.iterator().next() + ")"));
          }
        });
    return String.join("; ", report);
  }

  private static String text(Object value) {
    if (value instanceof JsonNode node) {
      if (node.isNumber()) {
        return plain(new BigDecimal(node.asText()));
      }
      String text = node.asText();
      return text.matches("\\d{4}-\\d\\d-\\d\\dT.*")
          ? org.joda.time.Instant.parse(text).toString()
          : text;
    }
    if (value instanceof BigDecimal decimal) {
      return plain(decimal);
    }
    if (value instanceof Number number) {
      return plain(new BigDecimal(number.toString()));
    }
    if (value instanceof org.joda.time.ReadableInstant instant) {
      return new org.joda.time.Instant(instant.getMillis()).toString();
    }
    return String.valueOf(value);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
