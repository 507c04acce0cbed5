package dev.tributary.pipelines.gambling;

import dev.tributary.detect.Alert;
import dev.tributary.io.WriteParquetPartitioned;
import dev.tributary.transforms.gambling.Bet;
import dev.tributary.transforms.gambling.Event;
import dev.tributary.transforms.gambling.GamblingOutputs;
import dev.tributary.transforms.gambling.GamblingRecords;
import dev.tributary.transforms.gambling.Game;
import dev.tributary.transforms.gambling.Player;
import dev.tributary.transforms.gambling.Session;
import dev.tributary.transforms.gambling.Transaction;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The gambling warehouse: Parquet tables under one folder, as infra/hive/gambling.sql declares
 * them. The six kinds of record ({@code players}, {@code games}, {@code sessions}, {@code bets},
 * {@code transactions}, {@code events}) partitioned {@code year=/month=/day=} by event time (games,
 * the catalogue, unpartitioned); each view as a table named for it ({@code revenue_daily}),
 * partitioned by its window's day when it has windows. Decimals keep four places (RTPs have four).
 */
public final class GamblingWarehouse {
  /** Decimal places of every decimal column. */
  public static final int DECIMAL_SCALE = 4;

  /** The record tables, in the order the DDL declares them. */
  public static final List<String> RECORD_TABLES =
      List.of("players", "games", "sessions", "bets", "transactions", "events");

  private GamblingWarehouse() {}

  /** The table of a view: {@code revenue_daily} for {@code revenue-daily}. */
  public static String tableOf(String view) {
    return view.replace('-', '_');
  }

  public static void write(GamblingOutputs outputs, String base) {
    GamblingRecords records = outputs.records();
    records
        .players()
        .apply("Warehouse players", daily(base + "/players", (Player p) -> p.updatedAt));
    records
        .games()
        .apply(
            "Warehouse games",
            WriteParquetPartitioned.<Game>unpartitioned(base + "/games")
                .withDecimalScale(DECIMAL_SCALE));
    records
        .sessions()
        .apply("Warehouse sessions", daily(base + "/sessions", (Session s) -> s.startedAt));
    records.bets().apply("Warehouse bets", daily(base + "/bets", (Bet b) -> b.placedAt));
    records
        .transactions()
        .apply(
            "Warehouse transactions",
            daily(base + "/transactions", (Transaction t) -> t.createdAt));
    records.events().apply("Warehouse events", daily(base + "/events", (Event e) -> e.occurredAt));
    outputs
        .alerts()
        .apply("Warehouse alerts", daily(base + "/alerts", (Alert a) -> a.detectionTime));
    for (Map.Entry<String, PCollection<Row>> view : outputs.views().entrySet()) {
      String table = base + "/" + tableOf(view.getKey());
      PCollection<Row> rows = view.getValue();
      rows.apply(
          "Warehouse " + view.getKey(),
          rows.getSchema().hasField("windowStart")
              ? daily(table, (Row r) -> r.getDateTime("windowStart").toInstant())
              : WriteParquetPartitioned.<Row>unpartitioned(table).withDecimalScale(DECIMAL_SCALE));
    }
  }

  private static <T> WriteParquetPartitioned<T> daily(
      String table,
      org.apache.beam.sdk.transforms.SerializableFunction<T, org.joda.time.Instant> timeOf) {
    return WriteParquetPartitioned.to(table, timeOf).byDay().withDecimalScale(DECIMAL_SCALE);
  }
}
