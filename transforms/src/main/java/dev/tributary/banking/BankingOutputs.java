package dev.tributary.banking;

import dev.tributary.fraud.Alert;
import dev.tributary.transforms.AggregateResult;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.TopKEntry;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/** Everything {@link BankingFraudAnalysis} produces, each output by name. */
public final class BankingOutputs implements POutput {
  private final PCollection<Transaction> transactions;
  private final PCollection<Alert> alerts;
  private final PCollection<AggregateResult> accountHourly;
  private final PCollection<AggregateResult> categoryDaily;
  private final PCollection<TopKEntry> topAccountsDaily;
  private final PCollection<DeadLetter> deadLetters;

  BankingOutputs(
      PCollection<Transaction> transactions,
      PCollection<Alert> alerts,
      PCollection<AggregateResult> accountHourly,
      PCollection<AggregateResult> categoryDaily,
      PCollection<TopKEntry> topAccountsDaily,
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
  public PCollection<AggregateResult> accountHourly() {
    return accountHourly;
  }

  /** Count, sum, mean, max of amounts per merchant category per UTC day. */
  public PCollection<AggregateResult> categoryDaily() {
    return categoryDaily;
  }

  /** The accounts with the largest total amount per UTC day. */
  public PCollection<TopKEntry> topAccountsDaily() {
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
        new TupleTag<AggregateResult>("accountHourly"), accountHourly,
        new TupleTag<AggregateResult>("categoryDaily"), categoryDaily,
        new TupleTag<TopKEntry>("topAccountsDaily"), topAccountsDaily,
        new TupleTag<DeadLetter>("deadLetters"), deadLetters);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
