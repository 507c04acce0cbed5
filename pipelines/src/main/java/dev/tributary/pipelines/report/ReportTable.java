package dev.tributary.pipelines.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One output of the batch pipeline read back from its JSON-lines files, as a sorted table: its
 * columns in the order the pipeline wrote them (without {@code isFinal}, since every batch row is
 * final), written again as one CSV and one JSON-lines file.
 */
public final class ReportTable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final List<String> columns;
  private final List<ObjectNode> rows;

  private ReportTable(String name, List<String> columns, List<ObjectNode> rows) {
    this.name = name;
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Reads {@code <output>/<folder>/*.jsonl} (local or any registered file system) and sorts the
   * rows: by window first when there is one, then by rank, or by revenue from the largest, then by
   * key.
   */
  public static ReportTable read(String output, String folder) {
    List<ObjectNode> rows = new ArrayList<>();
    try {
      MatchResult match =
          FileSystems.match(
              output.replaceAll("/+$", "") + "/" + folder + "/*.jsonl", EmptyMatchTreatment.ALLOW);
      for (MatchResult.Metadata file : match.metadata()) {
        try (BufferedReader in =
            new BufferedReader(
                Channels.newReader(
                    FileSystems.open(file.resourceId()), StandardCharsets.UTF_8.name()))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
              ObjectNode row = (ObjectNode) JSON.readTree(line);
              row.remove("isFinal");
              rows.add(row);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the output " + folder + " in " + output, e);
    }
    List<String> columns = new ArrayList<>();
    if (!rows.isEmpty()) {
      rows.get(0).fieldNames().forEachRemaining(columns::add);
    }
    rows.sort(order(columns));
    return new ReportTable(folder, columns, rows);
  }

  private static Comparator<ObjectNode> order(List<String> columns) {
    Comparator<ObjectNode> order = (a, b) -> 0;
    if (columns.contains("windowStart")) {
      order = order.thenComparing(r -> r.path("windowStart").asText());
    }
    if (columns.contains("rank")) {
      return order.thenComparingInt(r -> r.path("rank").asInt());
    }
    if (columns.contains("revenue")) {
      order = order.thenComparing(r -> r.path("revenue").decimalValue(), Comparator.reverseOrder());
    }
    String key = columns.isEmpty() ? "" : columns.get(0);
    return order.thenComparing(r -> r.path(key).asText());
  }

  public String name() {
    return name;
  }

  public List<String> columns() {
    return columns;
  }

  public List<ObjectNode> rows() {
    return rows;
  }

  /** The rows of one window, or all rows when the table has no windows: as the page shows them. */
  public List<ObjectNode> rowsOf(String windowStart) {
    return rows.stream().filter(r -> r.path("windowStart").asText().equals(windowStart)).toList();
  }

  /** A decimal column of a row; zero when absent. */
  public static BigDecimal decimal(JsonNode row, String column) {
    JsonNode value = row.get(column);
    return value == null || value.isNull() ? BigDecimal.ZERO : value.decimalValue();
  }

  /** The table as CSV with a header, RFC 4180, values as the pipeline wrote them. */
  public String toCsv() {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
      printer.printRecord(columns);
      for (ObjectNode row : rows) {
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
          JsonNode value = row.get(column);
          values.add(value == null || value.isNull() ? "" : value.asText());
        }
        printer.printRecord(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The table as JSON lines, one row per line, in its order. */
  public String toJsonLines() {
    StringBuilder out = new StringBuilder();
    Iterator<ObjectNode> it = rows.iterator();
    while (it.hasNext()) {
      out.append(it.next().toString()).append('\n');
    }
    return out.toString();
  }
}
