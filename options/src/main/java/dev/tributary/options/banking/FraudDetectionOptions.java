package dev.tributary.options.banking;

import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.HistoryOptions;
import dev.tributary.options.OutputDirectoryOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** All options of the banking fraud-detection pipeline. */
public interface FraudDetectionOptions
    extends TransactionInputOptions, AccountReferenceOptions, OutputDirectoryOptions, HistoryOptions, FraudRuleOptions,
        EventTimeOptions, RankingOptions {
}
