package dev.tributary.options.banking;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a banking pipeline reads the account reference data it enriches transactions with. */
public interface AccountReferenceOptions extends PipelineOptions {
  @TemplateParameter(
      order = 2,
      label = "Account reference data",
      helpText =
          "Accounts as JSON lines (accountId, homeCountry, riskTier, openedOn): a file or a glob.",
      example = "hdfs://namenode:8020/reference/accounts.jsonl",
      type = ParameterType.FILE_PATH,
      optional = false)
  @Description(
      "Account reference data as JSON lines (accountId, homeCountry, riskTier, openedOn): a file or a glob."
          + " Defaults to the committed sample's.")
  @Default.String("test-data/banking/sample/accounts.jsonl")
  String getAccounts();

  void setAccounts(String value);
}
