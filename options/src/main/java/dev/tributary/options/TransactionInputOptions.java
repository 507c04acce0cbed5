package dev.tributary.options;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Default;

/** Where a banking pipeline reads its transactions and account reference data. */
public interface TransactionInputOptions extends PipelineOptions {
  @Description("Transactions as JSON lines: a file or a glob such as 'in/*.jsonl'. Defaults to the committed sample.")
  @Default.String("test-data/banking/sample/transactions.jsonl")
  String getInput();

  void setInput(String value);

  @Description("Account reference data as JSON lines (accountId, homeCountry, riskTier, openedOn): a file or a glob."
      + " Defaults to the committed sample's.")
  @Default.String("test-data/banking/sample/accounts.jsonl")
  String getAccounts();

  void setAccounts(String value);
}
