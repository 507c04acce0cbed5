package dev.tributary.options.social;

import dev.tributary.options.KafkaOptions;
import dev.tributary.options.LandingOptions;
import dev.tributary.options.StreamingJobOptions;
import org.apache.beam.sdk.options.StreamingOptions;

/**
 * All options of the social landing pipeline: the topics' records land under {@code --history};
 * dead letters go to {@code --socialDeadLetterTopic}.
 */
public interface SocialLandingOptions
    extends StreamingOptions,
        KafkaOptions,
        StreamingJobOptions,
        LandingOptions,
        SocialHistoryOptions,
        SocialDeadLetterOptions {}
