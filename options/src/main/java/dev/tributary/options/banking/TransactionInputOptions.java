package dev.tributary.options.banking;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a batch banking pipeline reads its transactions. */
public interface TransactionInputOptions extends PipelineOptions {
  @TemplateParameter(
      order = 1,
      label = "Transactions",
      helpText = "Transactions as JSON lines: a file or a glob, local or hdfs://.",
      example = "hdfs://namenode:8020/landing/banking/*.jsonl",
      type = ParameterType.FILE_PATH,
      optional = false)
  @Description(
      "Transactions as JSON lines: a file or a glob such as 'in/*.jsonl'. Defaults to the committed sample.")
  @Default.String("test-data/banking/sample/transactions.jsonl")
  String getInput();

  void setInput(String value);
}
