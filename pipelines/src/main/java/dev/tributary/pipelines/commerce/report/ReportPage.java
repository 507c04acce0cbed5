package dev.tributary.pipelines.commerce.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.tributary.pipelines.report.ReportTable;
import dev.tributary.transforms.commerce.CommerceView;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: the summary figures, the three charts and the main tables, rendered with
 * Mustache.java from {@code report.html.mustache}, which escapes every value for HTML.
 */
final class ReportPage {
  private static final String TEMPLATE =
      "dev/tributary/pipelines/commerce/report/report.html.mustache";

  private ReportPage() {}

  /** A cell of a table on the page. */
  record Cell(String text, boolean numeric) {}

  /** A row of cells. */
  record Line(List<Cell> cells) {}

  /** A table on the page: its anchor (and file name), title, header and rows. */
  record Table(String id, String title, List<String> header, List<Line> rows) {}

  record Figure(String label, String value) {}

  record Chart(String title, String file, int width, int height) {}

  static String render(Map<String, ReportTable> tables, CommerceReport.Figures figures) {
    Map<String, Object> scope = new HashMap<>();
    List<ObjectNode> days = tables.get(CommerceView.SUMMARY_DAILY.folder()).rows();
    scope.put("firstDay", days.isEmpty() ? "-" : day(days.get(0)));
    scope.put("lastDay", days.isEmpty() ? "-" : day(days.get(days.size() - 1)));
    scope.put(
        "figures",
        List.of(
            new Figure("Total revenue", CommerceReport.money(figures.revenue())),
            new Figure("Orders", count(figures.orders())),
            new Figure("Mean order value", CommerceReport.money(figures.meanOrderValue())),
            new Figure("Units sold", count(figures.units())),
            new Figure(
                "Top category",
                figures.topCategory() + " " + CommerceReport.money(figures.topCategoryRevenue())),
            new Figure(
                "Top city",
                figures.topCity() + " " + CommerceReport.money(figures.topCityRevenue())),
            new Figure("Dead letters", count(figures.deadLetters()))));
    scope.put(
        "charts",
        List.of(
            chart("Revenue by product category", CommerceReport.CATEGORY_CHART),
            chart("Orders by payment method", CommerceReport.PAYMENT_CHART),
            chart("Top cities by revenue", CommerceReport.CITIES_CHART)));
    BigDecimal revenue = figures.revenue();
    BigDecimal orders = BigDecimal.valueOf(figures.orders());
    scope.put(
        "tables",
        List.of(
            measures(
                tables.get(CommerceView.BY_CATEGORY.folder()),
                "Revenue by category",
                "Category",
                "category",
                "Share of revenue",
                "revenue",
                revenue),
            measures(
                tables.get(CommerceView.BY_PAYMENT_METHOD.folder()),
                "Orders and revenue by payment method",
                "Payment method",
                "paymentMethod",
                "Share of orders",
                "orders",
                orders),
            topCities(
                tables.get(CommerceView.TOP_CITIES), tables.get(CommerceView.BY_CITY.folder())),
            daily(tables.get(CommerceView.SUMMARY_DAILY.folder()))));
    Mustache mustache = new DefaultMustacheFactory().compile(TEMPLATE);
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  private static Chart chart(String title, String file) {
    return new Chart(title, file, ReportCharts.WIDTH, ReportCharts.HEIGHT);
  }

  private static Table measures(
      ReportTable table,
      String title,
      String keyTitle,
      String key,
      String shareTitle,
      String shareOf,
      BigDecimal total) {
    List<Line> rows = new ArrayList<>();
    for (ObjectNode row : table.rows()) {
      rows.add(
          new Line(
              List.of(
                  new Cell(row.path(key).asText(), false),
                  new Cell(count(row.path("orders").asLong()), true),
                  new Cell(count(row.path("units").asLong()), true),
                  new Cell(CommerceReport.money(ReportTable.decimal(row, "revenue")), true),
                  new Cell(CommerceReport.money(ReportTable.decimal(row, "meanOrderValue")), true),
                  new Cell(share(ReportTable.decimal(row, shareOf), total), true))));
    }
    return new Table(
        table.name(),
        title,
        List.of(keyTitle, "Orders", "Units", "Revenue", "Mean order value", shareTitle),
        rows);
  }

  private static Table topCities(ReportTable top, ReportTable byCity) {
    Map<String, ObjectNode> cities = new HashMap<>();
    for (ObjectNode row : byCity.rows()) {
      cities.put(row.path("city").asText(), row);
    }
    List<Line> rows = new ArrayList<>();
    for (ObjectNode row : top.rows()) {
      ObjectNode city = cities.get(row.path("city").asText());
      rows.add(
          new Line(
              List.of(
                  new Cell(row.path("rank").asText(), true),
                  new Cell(row.path("city").asText(), false),
                  new Cell(CommerceReport.money(ReportTable.decimal(row, "revenue")), true),
                  new Cell(city == null ? "" : count(city.path("orders").asLong()), true))));
    }
    return new Table(
        top.name(),
        "Top " + top.rows().size() + " cities by revenue",
        List.of("Rank", "City", "Revenue", "Orders"),
        rows);
  }

  private static Table daily(ReportTable table) {
    List<Line> rows = new ArrayList<>();
    for (ObjectNode row : table.rows()) {
      rows.add(
          new Line(
              List.of(
                  new Cell(day(row), false),
                  new Cell(count(row.path("orders").asLong()), true),
                  new Cell(CommerceReport.money(ReportTable.decimal(row, "revenue")), true),
                  new Cell(
                      CommerceReport.money(ReportTable.decimal(row, "meanOrderValue")), true))));
    }
    return new Table(
        table.name(), "Per UTC day", List.of("Day", "Orders", "Revenue", "Mean order value"), rows);
  }

  private static String day(ObjectNode row) {
    String start = row.path("windowStart").asText();
    return start.length() >= 10 ? start.substring(0, 10) : start;
  }

  private static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.US).format(n);
  }

  private static String share(BigDecimal part, BigDecimal total) {
    if (total.signum() == 0) {
      return "-";
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_EVEN) + "%";
  }
}
