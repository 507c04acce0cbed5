package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.StreamingOptions;

/** All options of the streaming banking fraud-detection pipeline. */
public interface StreamingFraudDetectionOptions
    extends StreamingOptions, AccountReferenceOptions, KafkaOptions, ElasticsearchOptions, FraudRuleOptions, EventTimeOptions,
        RankingOptions {
  @Description("Kafka topic of banking transactions, one JSON object per message.")
  @Default.String("banking-transactions")
  String getInputTopic();

  void setInputTopic(String value);

  @Description("Kafka topic the alerts go to, keyed by account id.")
  @Default.String("fraud-alerts")
  String getAlertsTopic();

  void setAlertsTopic(String value);

  @Description("Kafka topic the dead letters go to, keyed by their source.")
  @Default.String("banking-dead-letters")
  String getDeadLetterTopic();

  void setDeadLetterTopic(String value);

}
