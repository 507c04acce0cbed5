package dev.tributary.pipelines.gambling;

import dev.tributary.io.WriteElasticsearch;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.gambling.GamblingOutputs;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * The gambling views and alerts in Elasticsearch: one index per view, {@code
 * views_gambling_<view>_<version>} (e.g. {@code views_gambling_revenue_daily_v1}), one document per
 * key and window, its id made of {@link #ID_FIELDS}; the alerts in {@code
 * gambling_alerts_<version>} by alert id. A later pane of a window replaces the earlier one.
 */
public final class GamblingServing {
  /** Per view, the fields whose values make a document's id. */
  public static final Map<String, List<String>> ID_FIELDS =
      Map.ofEntries(
          Map.entry("revenue-by-game", List.of("gameId")),
          Map.entry("revenue-by-provider", List.of("provider")),
          Map.entry("revenue-by-game-type", List.of("gameType")),
          Map.entry("revenue-by-game-daily", List.of("gameId", "windowStart")),
          Map.entry("revenue-daily", List.of("scope", "windowStart")),
          Map.entry("revenue-monthly", List.of("scope", "windowStart")),
          Map.entry("payments-by-method", List.of("paymentMethod", "transactionType")),
          Map.entry("sessions-by-platform", List.of("platform")),
          Map.entry("rtp-by-game", List.of("gameId")),
          Map.entry("top-games-daily", List.of("windowStart", "rank")),
          Map.entry("top-losers-daily", List.of("windowStart", "rank")),
          Map.entry("player-value", List.of("playerId")),
          Map.entry("daily-active-players", List.of("scope", "windowStart")),
          Map.entry("retention-by-cohort", List.of("cohortDay")));

  private GamblingServing() {}

  /** The index of a view: {@code views_gambling_revenue_daily_v1}. */
  public static String indexOf(String view, String version) {
    return "views_gambling_" + view.replace('-', '_') + "_" + version;
  }

  public static String alertsIndex(String version) {
    return "gambling_alerts_" + version;
  }

  /** Writes every view and the alerts; returns the refused documents. */
  public static PCollection<DeadLetter> write(GamblingOutputs outputs, String url, String version) {
    PCollectionList<DeadLetter> refused =
        PCollectionList.of(
            outputs
                .alerts()
                .apply("Serve alerts", WriteElasticsearch.to(url, alertsIndex(version), "id")));
    for (Map.Entry<String, PCollection<Row>> view : outputs.views().entrySet()) {
      List<String> ids = ID_FIELDS.get(view.getKey());
      if (ids == null) {
        throw new IllegalStateException("no document id fields for the view " + view.getKey());
      }
      refused =
          refused.and(
              view.getValue()
                  .apply(
                      "Serve " + view.getKey(),
                      WriteElasticsearch.<Row>to(
                          url, indexOf(view.getKey(), version), ids.toArray(String[]::new))));
    }
    return refused.apply("Refused documents", Flatten.pCollections());
  }
}
