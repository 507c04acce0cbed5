package dev.tributary.pipelines.commerce.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.pipelines.report.ReportTable;
import dev.tributary.transforms.commerce.CommerceView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commerce report, written after the batch pipeline from its outputs: under {@code
 * <output>/report/}, every table as CSV and JSON lines in {@code tables/}, three PNG charts like
 * the seed's (revenue by category, payment methods, top cities) and {@code report.html} with the
 * summary figures, the charts and the tables.
 */
public final class CommerceReport {
  private static final Logger LOG = LoggerFactory.getLogger(CommerceReport.class);

  public static final String FOLDER = "report";
  public static final String PAGE = "report.html";
  public static final String CATEGORY_CHART = "revenue-by-category.png";
  public static final String PAYMENT_CHART = "payment-methods.png";
  public static final String CITIES_CHART = "top-cities.png";

  /** What the report says in figures, for the pipeline's printed summary. */
  public record Figures(
      BigDecimal revenue,
      long orders,
      BigDecimal meanOrderValue,
      long units,
      String topCategory,
      BigDecimal topCategoryRevenue,
      long topCategoryOrders,
      String topCity,
      BigDecimal topCityRevenue,
      long deadLetters) {}

  private CommerceReport() {}

  /** Writes the report for the batch outputs under {@code output}; returns its figures. */
  public static Figures write(String output, String deadLettersFolder) {
    String base = output.replaceAll("/+$", "");
    String dir = base + "/" + FOLDER;
    Map<String, ReportTable> tables = new LinkedHashMap<>();
    for (CommerceView view : CommerceView.values()) {
      tables.put(view.folder(), ReportTable.read(base, view.folder()));
    }
    tables.put(CommerceView.TOP_CITIES, ReportTable.read(base, CommerceView.TOP_CITIES));
    tables.put(
        CommerceView.TOP_CITIES_DAILY, ReportTable.read(base, CommerceView.TOP_CITIES_DAILY));
    for (ReportTable table : tables.values()) {
      writeFile(dir + "/tables/" + table.name() + ".csv", utf8(table.toCsv()));
      writeFile(dir + "/tables/" + table.name() + ".jsonl", utf8(table.toJsonLines()));
    }
    long deadLetters = ReportTable.read(base, deadLettersFolder).rows().size();

    ReportTable byCategory = tables.get(CommerceView.BY_CATEGORY.folder());
    ReportTable byPayment = tables.get(CommerceView.BY_PAYMENT_METHOD.folder());
    ReportTable topCities = tables.get(CommerceView.TOP_CITIES);
    ReportTable byCity = tables.get(CommerceView.BY_CITY.folder());
    writeFile(
        dir + "/" + CATEGORY_CHART,
        ReportCharts.money(
            "Revenue by product category", "Category", bars(byCategory, "category", "revenue")));
    writeFile(
        dir + "/" + PAYMENT_CHART,
        ReportCharts.counts(
            "Orders by payment method",
            "Payment method",
            "Orders",
            sortedByOrders(bars(byPayment, "paymentMethod", "orders"))));
    writeFile(
        dir + "/" + CITIES_CHART,
        ReportCharts.money(
            "Top " + topCities.rows().size() + " cities by revenue",
            "City",
            bars(topCities, "city", "revenue")));

    Figures figures = figures(tables, byCity, deadLetters);
    writeFile(dir + "/" + PAGE, utf8(ReportPage.render(tables, figures)));
    LOG.info("Report written to {}/{}", dir, PAGE);
    return figures;
  }

  private static Figures figures(
      Map<String, ReportTable> tables, ReportTable byCity, long deadLetters) {
    List<ObjectNode> summary = tables.get(CommerceView.SUMMARY.folder()).rows();
    ObjectNode all = summary.isEmpty() ? null : summary.get(0);
    List<ObjectNode> categories = tables.get(CommerceView.BY_CATEGORY.folder()).rows();
    List<ObjectNode> cities = byCity.rows();
    ObjectNode topCategory = categories.isEmpty() ? null : categories.get(0);
    ObjectNode topCity = cities.isEmpty() ? null : cities.get(0);
    return new Figures(
        all == null ? BigDecimal.ZERO : ReportTable.decimal(all, "revenue"),
        all == null ? 0 : all.path("orders").asLong(),
        all == null ? BigDecimal.ZERO : ReportTable.decimal(all, "meanOrderValue"),
        all == null ? 0 : all.path("units").asLong(),
        topCategory == null ? "" : topCategory.path("category").asText(),
        topCategory == null ? BigDecimal.ZERO : ReportTable.decimal(topCategory, "revenue"),
        topCategory == null ? 0 : topCategory.path("orders").asLong(),
        topCity == null ? "" : topCity.path("city").asText(),
        topCity == null ? BigDecimal.ZERO : ReportTable.decimal(topCity, "revenue"),
        deadLetters);
  }

  private static List<ReportCharts.Bar> bars(ReportTable table, String label, String value) {
    List<ReportCharts.Bar> bars = new ArrayList<>();
    for (ObjectNode row : table.rows()) {
      bars.add(new ReportCharts.Bar(row.path(label).asText(), ReportTable.decimal(row, value)));
    }
    return bars;
  }

  private static List<ReportCharts.Bar> sortedByOrders(List<ReportCharts.Bar> bars) {
    List<ReportCharts.Bar> sorted = new ArrayList<>(bars);
    sorted.sort((a, b) -> b.value().compareTo(a.value()));
    return sorted;
  }

  /** US dollars with cents: $89,599,149.32. */
  static String money(BigDecimal value) {
    return NumberFormat.getCurrencyInstance(Locale.US).format(value);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void writeFile(String path, byte[] bytes) {
    try (OutputStream out =
        Channels.newOutputStream(
            FileSystems.create(
                FileSystems.matchNewResource(path, false), "application/octet-stream"))) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
