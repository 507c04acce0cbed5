package dev.tributary.transforms.banking;

import dev.tributary.detect.Alert;
import dev.tributary.transforms.DeadLetter;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** Everything {@link BankingFraudAnalysis} produces, each output by name. */
public final class BankingOutputs implements POutput {
  private final PCollection<Transaction> transactions;
  private final PCollection<Alert> alerts;
  private final PCollection<Row> accountHourly;
  private final PCollection<Row> categoryDaily;
  private final PCollection<Row> topAccountsDaily;
  private final PCollection<DeadLetter> deadLetters;

  BankingOutputs(
      PCollection<Transaction> transactions,
      PCollection<Alert> alerts,
      PCollection<Row> accountHourly,
      PCollection<Row> categoryDaily,
      PCollection<Row> topAccountsDaily,
      PCollection<DeadLetter> deadLetters) {
    this.transactions = transactions;
    this.alerts = alerts;
    this.accountHourly = accountHourly;
    this.categoryDaily = categoryDaily;
    this.topAccountsDaily = topAccountsDaily;
    this.deadLetters = deadLetters;
  }

  /** Every transaction that parsed, timestamped by event time: the history. */
  public PCollection<Transaction> transactions() {
    return transactions;
  }

  /** One alert per rule per triggering transaction. */
  public PCollection<Alert> alerts() {
    return alerts;
  }

  /** Count, sum, mean, max of amounts per account per UTC hour. */
  public PCollection<Row> accountHourly() {
    return accountHourly;
  }

  /** Count, sum, mean, max of amounts per merchant category per UTC day. */
  public PCollection<Row> categoryDaily() {
    return categoryDaily;
  }

  /** The accounts with the largest total amount per UTC day. */
  public PCollection<Row> topAccountsDaily() {
    return topAccountsDaily;
  }

  /** Malformed transactions and account records, with their reasons. */
  public PCollection<DeadLetter> deadLetters() {
    return deadLetters;
  }

  @Override
  public Pipeline getPipeline() {
    return alerts.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(
        new TupleTag<Transaction>("transactions"), transactions,
        new TupleTag<Alert>("alerts"), alerts,
        new TupleTag<Row>("accountHourly"), accountHourly,
        new TupleTag<Row>("categoryDaily"), categoryDaily,
        new TupleTag<Row>("topAccountsDaily"), topAccountsDaily,
        new TupleTag<DeadLetter>("deadLetters"), deadLetters);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
