package dev.tributary.options;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Where a banking pipeline reads its transactions and account reference data. */
public interface TransactionInputOptions extends PipelineOptions {
  @Description("Transactions as JSON lines: a file or a glob, e.g. test-data/banking/sample/transactions.jsonl or 'in/*.jsonl'.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Account reference data as JSON lines (accountId, homeCountry, riskTier, openedOn): a file or a glob.")
  @Validation.Required
  String getAccounts();

  void setAccounts(String value);
}
