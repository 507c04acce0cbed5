package dev.tributary.pipelines;

import dev.tributary.io.KafkaConnection;
import dev.tributary.options.KafkaOptions;

/** The Kafka connection that a streaming pipeline's {@link KafkaOptions} describe. */
public final class KafkaFromOptions {
  private KafkaFromOptions() {}

  /**
   * Bootstrap servers and client properties, exactly-once writes when {@code
   * --kafkaExactlyOnceShards} is over 0 (the consumer group as the sink group), and the watermark
   * rule of {@code --watermarkFromEventTimeOnly}.
   */
  public static KafkaConnection connection(KafkaOptions options) {
    return KafkaConnection.of(options.getBootstrapServers(), options.getKafkaProperties())
        .withExactlyOnce(options.getKafkaExactlyOnceShards(), options.getConsumerGroup())
        .withWatermarkFromEventTimeOnly(options.getWatermarkFromEventTimeOnly());
  }
}
