package dev.tributary.options.banking;

import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.HistoryOptions;
import dev.tributary.options.OutputDirectoryOptions;

/** All options of the banking fraud-detection pipeline. */
public interface FraudDetectionOptions
    extends TransactionInputOptions,
        AccountReferenceOptions,
        OutputDirectoryOptions,
        HistoryOptions,
        FraudRuleOptions,
        EventTimeOptions,
        RankingOptions {}
