package dev.tributary.runners.gambling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.detect.Alert;
import dev.tributary.pipelines.gambling.GamblingAnalyticsPipeline;
import dev.tributary.pipelines.gambling.GamblingDdl;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.gambling.GamblingKind;
import dev.tributary.transforms.gambling.GamblingModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.spark.sql.SparkSession;
import org.joda.time.DateTimeZone;
import org.joda.time.ReadableInstant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse and its SQL: the batch pipeline writes the committed sample's warehouse (Flink);
 * Spark SQL reads it with the tables the committed DDL declares, and each of the seed's named
 * queries gives what the model gives.
 */
class GamblingSqlTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path SAMPLE = REPOSITORY.resolve("test-data/gambling/sample");

  @TempDir static Path dir;
  private static SparkSession spark;
  private static Map<String, List<org.apache.spark.sql.Row>> results;
  private static GamblingModel.Result model;

  @BeforeAll
  static void writeAndQueryTheWarehouse() throws IOException {
    Path warehouse = dir.resolve("warehouse");
    GamblingAnalyticsPipeline.run(
        new String[] {
          "--runner=FlinkRunner",
          "--flinkMaster=[local]",
          "--parallelism=2",
          "--data=" + SAMPLE,
          "--output=" + dir.resolve("out"),
          "--gamblingWarehouse=" + warehouse
        });
    List<RawRecord> raw = new ArrayList<>();
    for (GamblingKind kind : GamblingKind.values()) {
      Path file = SAMPLE.resolve(kind.folder()).resolve(kind.folder() + ".json");
      raw.addAll(RawRecord.ofLines(file.toString(), Files.readAllLines(file)));
    }
    model = new GamblingModel().run(raw);
    spark = GamblingSql.session();
    GamblingSql.registerTables(spark, warehouse.toString());
    results = GamblingSql.runAll(spark);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void theCommittedDdlIsTheOneThePipelinesSchemasGive() throws IOException {
    assertEquals(
        GamblingDdl.ddl(), Files.readString(REPOSITORY.resolve("infra/hive/gambling.sql")));
  }

  @Test
  void everyTableHasTheDdlsColumnsAndPartitions() {
    for (Map.Entry<String, Schema> table : GamblingDdl.schemas().entrySet()) {
      List<String> columns =
          new ArrayList<>(Arrays.asList(spark.table(table.getKey()).schema().fieldNames()));
      boolean partitioned = columns.removeAll(List.of("year", "month", "day"));
      assertEquals(table.getValue().getFieldNames(), columns, table.getKey());
      assertEquals(
          GamblingDdl.partitioned(table.getKey(), table.getValue()), partitioned, table.getKey());
    }
  }

  @Test
  void revenueQueriesGiveTheModelsViews() {
    String[] measures = {"bets", "stakes", "payouts", "grossGamingRevenue"};
    assertEquals(
        model(GamblingQueriesKeys.of("revenue-by-game-type", "gameType"), measures),
        sql("revenue_by_game_type", "gameType", measures));
    assertEquals(
        model(GamblingQueriesKeys.of("revenue-by-provider", "provider"), measures),
        sql("provider_performance", "provider", measures));
    assertEquals(
        model(GamblingQueriesKeys.of("revenue-by-game", "gameId"), measures),
        sql("revenue_by_game", "gameId", measures));
    assertEquals(
        model(GamblingQueriesKeys.day("revenue-daily"), measures),
        sql("daily_revenue", "day", measures));
    assertEquals(
        model(GamblingQueriesKeys.month("revenue-monthly"), measures),
        sql("monthly_revenue", "month", measures));
    assertEquals(
        model(
            GamblingQueriesKeys.of("rtp-by-game", "gameId"),
            "declaredRtp",
            "bets",
            "stakes",
            "payouts",
            "observedRtp"),
        sql("rtp_validation", "gameId", "declaredRtp", "bets", "stakes", "payouts", "observedRtp"));
  }

  @Test
  void playerAndPaymentQueriesGiveTheModelsViews() {
    assertEquals(
        model(
            GamblingQueriesKeys.pair("payments-by-method", "paymentMethod", "transactionType"),
            "transactions",
            "completed",
            "completedAmount"),
        sql2(
            "payment_methods",
            "paymentMethod",
            "transactionType",
            "transactions",
            "completed",
            "completedAmount"));
    assertEquals(
        model(GamblingQueriesKeys.of("sessions-by-platform", "platform"), "sessions", "players"),
        sql("platform_usage", "platform", "sessions", "players"));
    String[] value = {
      "vipTier",
      "deposits",
      "withdrawals",
      "netDeposits",
      "bonuses",
      "stakes",
      "payouts",
      "netGamingLoss"
    };
    assertEquals(
        model(GamblingQueriesKeys.of("player-value", "playerId"), value),
        sql("player_lifetime_value", "playerId", value));
    assertEquals(
        model(GamblingQueriesKeys.day("daily-active-players"), "activePlayers"),
        sql("daily_active_players", "day", "activePlayers"));
    assertEquals(
        model(GamblingQueriesKeys.dayAndRank("top-games-daily"), "gameId", "stakes"),
        sql2("top_games_daily", "day", "rank", "gameId", "stakes"));
    Map<String, List<String>> alerts = new TreeMap<>();
    for (Alert alert : model.alerts()) {
      alerts.merge(
          alert.rule,
          List.of("1"),
          (a, b) -> List.of(String.valueOf(Long.parseLong(a.get(0)) + 1)));
    }
    assertEquals(alerts, sql("risk_alerts_by_rule", "rule", "alerts"));
    long players = 0;
    for (org.apache.spark.sql.Row row : results.get("geographic_distribution")) {
      players += row.getLong(row.fieldIndex("players"));
    }
    assertEquals(50, players, "every player of the sample in one country");
  }

  /** A model view's rows as key -> the measures' values, each in plain text. */
  private static Map<String, List<String>> model(GamblingQueriesKeys keys, String... measures) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (Row row : model.views().get(keys.view())) {
      List<String> values = new ArrayList<>();
      for (String measure : measures) {
        values.add(text(row.getValue(measure)));
      }
      rows.put(keys.keyOf().apply(row), values);
    }
    return rows;
  }

  /** A query's rows as key -> the named columns' values, each in plain text. */
  private static Map<String, List<String>> sql(String query, String key, String... columns) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (org.apache.spark.sql.Row row : results.get(query)) {
      List<String> values = new ArrayList<>();
      for (String column : columns) {
        values.add(text(row.get(row.fieldIndex(column))));
      }
      rows.put(text(row.get(row.fieldIndex(key))), values);
    }
    return rows;
  }

  /** As {@link #sql}, keyed by two columns joined with '|'. */
  private static Map<String, List<String>> sql2(
      String query, String key1, String key2, String... columns) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (org.apache.spark.sql.Row row : results.get(query)) {
      List<String> values = new ArrayList<>();
      for (String column : columns) {
        values.add(text(row.get(row.fieldIndex(column))));
      }
      rows.put(
          text(row.get(row.fieldIndex(key1))) + "|" + text(row.get(row.fieldIndex(key2))), values);
    }
    return rows;
  }

  static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof ReadableInstant instant) {
      return instant.toInstant().toDateTime(DateTimeZone.UTC).toLocalDate().toString();
    }
    return String.valueOf(value);
  }
}
