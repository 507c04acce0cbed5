package dev.tributary.transforms.gambling;

import dev.tributary.detect.Alert;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.NamedOutputs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Everything {@link GamblingAnalysis} produces: the placed bets, the views by folder, the risk
 * alerts, the dead letters.
 */
public final class GamblingOutputs extends NamedOutputs {
  private final GamblingRecords records;
  private final PCollection<PlacedBet> placedBets;
  private final Map<String, PCollection<Row>> views;
  private final PCollection<Alert> alerts;
  private final PCollection<DeadLetter> deadLetters;

  GamblingOutputs(
      GamblingRecords records,
      PCollection<PlacedBet> placedBets,
      Map<String, PCollection<Row>> views,
      PCollection<Alert> alerts,
      PCollection<DeadLetter> deadLetters) {
    super(placedBets.getPipeline(), all(placedBets, views, alerts, deadLetters));
    this.records = records;
    this.placedBets = placedBets;
    this.views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
    this.alerts = alerts;
    this.deadLetters = deadLetters;
  }

  private static Map<String, PCollection<?>> all(
      PCollection<PlacedBet> placedBets,
      Map<String, PCollection<Row>> views,
      PCollection<Alert> alerts,
      PCollection<DeadLetter> deadLetters) {
    Map<String, PCollection<?>> all = new LinkedHashMap<>();
    all.put("placedBets", placedBets);
    all.putAll(views);
    all.put("alerts", alerts);
    all.put("deadLetters", deadLetters);
    return all;
  }

  /** The parsed records of each kind. */
  public GamblingRecords records() {
    return records;
  }

  public PCollection<PlacedBet> placedBets() {
    return placedBets;
  }

  /** The views by folder, in a fixed order. */
  public Map<String, PCollection<Row>> views() {
    return views;
  }

  /** The risk rules' alerts. */
  public PCollection<Alert> alerts() {
    return alerts;
  }

  /** Malformed records, repeated ids, records of no kind, bets on unknown games. */
  public PCollection<DeadLetter> deadLetters() {
    return deadLetters;
  }
}
