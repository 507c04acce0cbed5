package dev.tributary.options.social;

import dev.tributary.options.ElasticsearchOptions;
import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.KafkaOptions;
import dev.tributary.options.StreamingJobOptions;
import org.apache.beam.sdk.options.StreamingOptions;

/** All options of the social speed layer. */
public interface SocialSpeedLayerOptions
    extends StreamingOptions,
        KafkaOptions,
        ElasticsearchOptions,
        EventTimeOptions,
        StreamingJobOptions,
        SocialViewsOptions,
        SocialDeadLetterOptions {}
