package dev.tributary.transforms.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.testdata.commerce.CommerceGenerator;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The model against the generator's ground truth and against sums taken another way. */
class CommerceModelTest {
  private static final CommerceGenerator.Output DATA = generate();

  private static CommerceGenerator.Output generate() {
    CommerceGenerator.Settings settings = new CommerceGenerator.Settings();
    settings.orders = 5_000;
    settings.days = 3;
    settings.malformedShare = 0.02;
    return CommerceGenerator.generate(settings);
  }

  private final CommerceModel.Result result =
      new CommerceModel(10).run(RawRecord.ofLines("orders.csv", DATA.lines()));

  @Test
  void theGeneratorWritesTheColumnsTheParserReads() {
    assertEquals(CommerceGenerator.COLUMNS, OrderParser.COLUMNS);
  }

  @Test
  void everyLabelledRowIsADeadLetterAndNothingElse() {
    TreeSet<String> labelled =
        DATA.groundTruth().stream()
            .map(l -> "orders.csv:" + l.line())
            .collect(Collectors.toCollection(TreeSet::new));
    TreeSet<String> dead =
        result.deadLetters().stream()
            .map((DeadLetter d) -> d.source)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(labelled, dead);
    assertEquals(
        DATA.lines().size() - 1, result.orders().size() + result.deadLetters().size(), "rows");
  }

  @Test
  void theViewsAddUpToTheSummary() {
    Row summary = result.views().get(CommerceView.SUMMARY.folder()).get(0);
    BigDecimal revenue =
        result.orders().stream().map(o -> o.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(revenue, summary.getDecimal("revenue"));
    assertEquals((long) result.orders().size(), summary.getInt64("orders"));
    for (String folder :
        List.of(
            "by-category",
            "by-payment-method",
            "by-city",
            "summary-daily",
            "by-category-daily",
            "by-city-daily")) {
      assertEquals(
          revenue,
          result.views().get(folder).stream()
              .map(r -> r.getDecimal("revenue"))
              .reduce(BigDecimal.ZERO, BigDecimal::add),
          folder);
    }
    assertEquals(3, result.views().get("summary-daily").size());
  }

  @Test
  void topCitiesAreRankedByRevenue() {
    List<Row> top = result.views().get(CommerceView.TOP_CITIES);
    assertEquals(10, top.size());
    assertEquals("Chicago", top.get(0).getString("city"));
    for (int i = 1; i < top.size(); i++) {
      assertEquals(i + 1, top.get(i).getInt32("rank"));
      assertEquals(
          true,
          top.get(i - 1).getDecimal("revenue").compareTo(top.get(i).getDecimal("revenue")) >= 0);
    }
  }
}
