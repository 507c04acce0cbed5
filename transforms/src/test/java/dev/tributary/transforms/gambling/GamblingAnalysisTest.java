package dev.tributary.transforms.gambling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RawRecordCoder;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.junit.Rule;
import org.junit.Test;

/**
 * The committed gambling sample, and a bet on a game the catalogue lacks, through {@link
 * GamblingAnalysis} (batch, on whichever runner the build selects): every view equals the model's,
 * and so do the risk alerts and the dead letters; the model's views add up.
 */
public class GamblingAnalysisTest implements Serializable {
  private static final Path SAMPLE =
      Path.of("..", "test-data", "gambling", "sample").toAbsolutePath().normalize();

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  static List<RawRecord> sample() throws IOException {
    List<RawRecord> raw = new ArrayList<>();
    for (GamblingKind kind : GamblingKind.values()) {
      Path file = SAMPLE.resolve(kind.folder()).resolve(kind.folder() + ".json");
      raw.addAll(RawRecord.ofLines(file.toString(), Files.readAllLines(file)));
    }
    raw.add(betOnNoGame());
    return raw;
  }

  /** A bet from the stream on a game the catalogue lacks. */
  static RawRecord betOnNoGame() {
    return new RawRecord(
        "kafka:gambling-bets/0@99",
        "{\"bet_id\":\"B-nogame\",\"player_id\":\"P00001\",\"game_id\":\"G9999\","
            + "\"session_id\":\"S1\",\"stake\":5,\"payout\":0,\"outcome\":\"loss\","
            + "\"placed_at\":\"2025-11-02T10:00:00Z\"}");
  }

  @Test
  public void everyRevenueViewEqualsTheModel() throws IOException {
    List<RawRecord> raw = sample();
    GamblingModel.Result model = new GamblingModel().run(raw);
    GamblingOutputs outputs =
        pipeline
            .apply(Create.of(raw).withCoder(RawRecordCoder.of()))
            .apply(GamblingAnalysis.of(Duration.standardMinutes(5), Duration.standardMinutes(1)));
    for (Map.Entry<String, List<Row>> view : model.views().entrySet()) {
      PAssert.that(view.getKey(), outputs.views().get(view.getKey()))
          .containsInAnyOrder(view.getValue());
    }
    PAssert.that("alerts", outputs.alerts()).containsInAnyOrder(model.alerts());
    PAssert.that(
            outputs
                .deadLetters()
                .apply(
                    "Sources",
                    MapElements.into(TypeDescriptors.strings()).via((DeadLetter d) -> d.source)))
        .containsInAnyOrder(model.deadLetters().stream().map(d -> d.source).toList());
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void theModelsViewsAddUp() throws IOException {
    GamblingModel.Result model = new GamblingModel().run(sample());
    BigDecimal revenue = BigDecimal.ZERO;
    for (PlacedBet bet : model.placedBets()) {
      revenue = revenue.add(bet.grossGamingRevenue());
    }
    long sessions = 0;
    for (Row row : model.views().get(GamblingAnalysis.SESSIONS_BY_PLATFORM)) {
      sessions += row.getInt64("sessions");
    }
    assertEquals("the sample's sessions (258 lines, 2 malformed)", 256, sessions);
    for (RevenueView view : RevenueView.values()) {
      BigDecimal total = BigDecimal.ZERO;
      long bets = 0;
      for (Row row : model.views().get(view.folder())) {
        total = total.add(row.getDecimal("grossGamingRevenue"));
        bets += row.getInt64("bets");
      }
      assertEquals(view + " revenue", revenue, total);
      assertEquals(view + " bets", model.placedBets().size(), bets);
    }
    BigDecimal netGamingLoss = BigDecimal.ZERO;
    for (Row row : model.views().get(PlayerValue.VIEW)) {
      netGamingLoss = netGamingLoss.add(row.getDecimal("netGamingLoss"));
    }
    assertEquals("player value adds up to the revenue", 0, revenue.compareTo(netGamingLoss));
    long retainedD1 = 0;
    long retainedD7 = 0;
    for (Row row : model.views().get(RetentionByCohort.VIEW)) {
      retainedD1 += row.getInt64("d1Retained");
      retainedD7 += row.getInt64("d7Retained");
    }
    assertTrue("recent cohorts come back on day 1 and day 7", retainedD1 > 0 && retainedD7 > 0);
    assertEquals(
        "7 days, each with its active players",
        7,
        model.views().get(GamblingAnalysis.DAILY_ACTIVE_PLAYERS).size());
    assertEquals("10 games a day for 7 days", 70, model.views().get(TopPerDay.TOP_GAMES).size());
    assertEquals(
        "a row per game in the catalogue that had bets",
        20,
        model.views().get(CheckRtp.VIEW).size());
    assertEquals(
        "the bet on no game is a dead letter",
        1,
        model.deadLetters().stream().filter(d -> d.source.equals("bet B-nogame")).count());
  }
}
