package dev.tributary.options;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Default;

/** Where a batch banking pipeline reads its transactions. */
public interface TransactionInputOptions extends PipelineOptions {
  @Description("Transactions as JSON lines: a file or a glob such as 'in/*.jsonl'. Defaults to the committed sample.")
  @Default.String("test-data/banking/sample/transactions.jsonl")
  String getInput();

  void setInput(String value);
}
