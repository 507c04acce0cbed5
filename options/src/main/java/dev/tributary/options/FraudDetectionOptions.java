package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** All options of the banking fraud-detection pipeline. */
public interface FraudDetectionOptions
    extends TransactionInputOptions, AccountReferenceOptions, OutputDirectoryOptions, HistoryOptions, FraudRuleOptions,
        EventTimeOptions, RankingOptions {
}
