package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.StreamingOptions;

/** All options of the streaming banking fraud-detection pipeline. */
public interface StreamingFraudDetectionOptions
    extends StreamingOptions, AccountReferenceOptions, KafkaOptions, ElasticsearchOptions, FraudRuleOptions, EventTimeOptions {
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

  @Description("How many accounts to rank per UTC day by their total amount.")
  @Default.Integer(10)
  int getTopK();

  void setTopK(int value);
}
