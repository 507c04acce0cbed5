package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** All options of the banking fraud-detection pipeline. */
public interface FraudDetectionOptions
    extends TransactionInputOptions, AccountReferenceOptions, OutputDirectoryOptions, HistoryOptions, FraudRuleOptions,
        EventTimeOptions {
  @Description("How many accounts to rank per UTC day by their total amount.")
  @Default.Integer(10)
  int getTopK();

  void setTopK(int value);
}
