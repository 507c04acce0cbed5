package dev.tributary.pipelines.commerce;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tributary.options.commerce.CommerceReportOptions;
import dev.tributary.pipelines.commerce.report.CommerceReport;
import dev.tributary.pipelines.commerce.report.ReportCharts;
import dev.tributary.testdata.commerce.CommerceGenerator;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.commerce.CommerceModel;
import dev.tributary.transforms.commerce.CommerceOutputs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The batch report end to end on the committed sample, on whichever runner the build selects: every
 * view equals the plain-Java model, the dead letters are exactly the generator's malformed rows,
 * rows read = parsed + dead letters, and the report holds its tables, three charts of the expected
 * size and a page that names every figure and chart.
 */
public class CommerceReportPipelineTest implements Serializable {
  private static final Path SAMPLE = Path.of("..", "test-data", "commerce", "sample");

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void sampleGivesTheModelsViewsAndAReport() throws IOException {
    Path orders = SAMPLE.resolve(CommerceGenerator.ORDERS_FILE).toAbsolutePath().normalize();
    Path output = folder.newFolder("out").toPath();
    CommerceModel.Result expected =
        new CommerceModel(10).run(RawRecord.ofLines(orders.toString(), Files.readAllLines(orders)));

    CommerceReportOptions options = pipeline.getOptions().as(CommerceReportOptions.class);
    options.setOrders(orders.toString());
    options.setOutput(output.toString());
    CommerceOutputs outputs = CommerceReportPipeline.buildPipeline(pipeline, options);
    expected
        .views()
        .forEach(
            (name, rows) -> PAssert.that(name, outputs.views().get(name)).containsInAnyOrder(rows));
    PAssert.that(outputs.deadLetters()).containsInAnyOrder(expected.deadLetters());
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    CommerceReport.Figures figures =
        CommerceReport.write(output.toString(), CommerceReportPipeline.DEAD_LETTERS);
    CommerceReportPipeline.Summary summary =
        CommerceReportPipeline.Summary.of(result, output.toString(), 0, 0, figures);
    summary.print(System.out);
    long rows = Files.readAllLines(orders).size() - 1;
    assertThat(summary.headers(), equalTo(1L));
    assertThat(summary.read(), equalTo(rows));
    assertThat(summary.read(), equalTo(summary.parsed() + summary.deadLetters()));
    assertThat(summary.parsed(), equalTo((long) expected.orders().size()));

    Set<String> labelled =
        CommerceGenerator.readGroundTruth(SAMPLE.resolve(CommerceGenerator.GROUND_TRUTH_FILE))
            .stream()
            .map(l -> orders + ":" + l.line())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(
        expected.deadLetters().stream()
            .map((DeadLetter d) -> d.source)
            .collect(Collectors.toCollection(TreeSet::new)),
        equalTo(labelled));

    Row summaryRow = expected.views().get("summary").get(0);
    BigDecimal revenue = summaryRow.getDecimal("revenue");
    assertThat(figures.revenue(), equalTo(revenue));
    assertThat(figures.orders(), equalTo(summaryRow.getInt64("orders")));
    assertThat(figures.deadLetters(), equalTo((long) expected.deadLetters().size()));
    assertReport(output.resolve(CommerceReport.FOLDER), revenue, summary);
  }

  private static void assertReport(
      Path report, BigDecimal revenue, CommerceReportPipeline.Summary summary) throws IOException {
    for (String chart :
        List.of(
            CommerceReport.CATEGORY_CHART,
            CommerceReport.PAYMENT_CHART,
            CommerceReport.CITIES_CHART)) {
      BufferedImage image = ImageIO.read(report.resolve(chart).toFile());
      assertThat(chart, image.getWidth(), equalTo(ReportCharts.WIDTH));
      assertThat(chart, image.getHeight(), equalTo(ReportCharts.HEIGHT));
    }
    try (Stream<Path> tables = Files.list(report.resolve("tables"))) {
      assertThat(tables.count(), equalTo(2L * 10));
    }
    List<String> byCategory = Files.readAllLines(report.resolve("tables/by-category.csv"));
    assertThat(byCategory.get(0), equalTo("category,orders,units,revenue,meanOrderValue"));
    assertThat(byCategory.size(), equalTo(1 + 10));

    String html = Files.readString(report.resolve(CommerceReport.PAGE), StandardCharsets.UTF_8);
    for (String named :
        List.of(
            "Total revenue",
            NumberFormat.getCurrencyInstance(Locale.US).format(revenue),
            "Orders",
            String.format("%,d", summary.figures().orders()),
            "Mean order value",
            NumberFormat.getCurrencyInstance(Locale.US).format(summary.figures().meanOrderValue()),
            "Top category",
            "Top city",
            "Dead letters",
            "src=\"" + CommerceReport.CATEGORY_CHART + "\"",
            "src=\"" + CommerceReport.PAYMENT_CHART + "\"",
            "src=\"" + CommerceReport.CITIES_CHART + "\"",
            "Revenue by category",
            "Orders and revenue by payment method",
            "Top 10 cities by revenue",
            "Per UTC day",
            "Sports &amp; Outdoors")) {
      assertThat(html, containsString(named));
    }
  }
}
