package dev.tributary.pipelines.commerce.report;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's bar charts, drawn with JFreeChart as PNG: horizontal bars in the order given
 * (largest first), a title, labelled axes and each bar's value written beside it.
 */
public final class ReportCharts {
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 600;

  private static final Color BAR = new Color(0x2E, 0x86, 0xAB);

  /** One bar: its label and its value. */
  public record Bar(String label, BigDecimal value) {}

  private ReportCharts() {}

  /** Money: bars labelled "$29.6M", the axis in millions or thousands. */
  public static byte[] money(String title, String barAxis, List<Bar> bars) {
    Map<String, String> labels = new HashMap<>();
    for (Bar bar : bars) {
      labels.put(bar.label(), "$" + compact().format(bar.value()));
    }
    return draw(title, barAxis, "Revenue (USD)", bars, labels);
  }

  /** Counts: bars labelled "20,880 (20.9%)", with their share of all bars. */
  public static byte[] counts(String title, String barAxis, String valueAxis, List<Bar> bars) {
    BigDecimal total = BigDecimal.ZERO;
    for (Bar bar : bars) {
      total = total.add(bar.value());
    }
    NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
    DecimalFormat percent = new DecimalFormat("0.0%");
    Map<String, String> labels = new HashMap<>();
    for (Bar bar : bars) {
      String share =
          total.signum() == 0
              ? ""
              : " (" + percent.format(bar.value().doubleValue() / total.doubleValue()) + ")";
      labels.put(bar.label(), count.format(bar.value()) + share);
    }
    return draw(title, barAxis, valueAxis, bars, labels);
  }

  private static NumberFormat compact() {
    NumberFormat format =
        NumberFormat.getCompactNumberInstance(Locale.US, NumberFormat.Style.SHORT);
    format.setMaximumFractionDigits(1);
    return format;
  }

  private static byte[] draw(
      String title, String barAxis, String valueAxis, List<Bar> bars, Map<String, String> labels) {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Bar bar : bars) {
      data.addValue(bar.value(), valueAxis, bar.label());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, barAxis, valueAxis, data, PlotOrientation.HORIZONTAL, false, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setOutlineVisible(false);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    Font axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    plot.getDomainAxis().setTickLabelFont(axisFont);
    plot.getDomainAxis().setLabelFont(axisFont.deriveFont(Font.BOLD));
    NumberAxis values = (NumberAxis) plot.getRangeAxis();
    values.setTickLabelFont(axisFont);
    values.setLabelFont(axisFont.deriveFont(Font.BOLD));
    values.setNumberFormatOverride(compact());
    // Room to the right of the longest bar for its label.
    values.setUpperMargin(0.18);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, BAR);
    renderer.setMaximumBarWidth(0.08);
    renderer.setDefaultItemLabelGenerator(new Labels(labels));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  /** Each bar's label, written beforehand. */
  private static final class Labels extends StandardCategoryItemLabelGenerator {
    private final Map<String, String> byBar;

    Labels(Map<String, String> byBar) {
      this.byBar = Map.copyOf(byBar);
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      return byBar.getOrDefault(String.valueOf(dataset.getColumnKey(column)), "");
    }
  }
}
