package dev.tributary.pipelines.social;

import dev.tributary.options.OptionValues;
import dev.tributary.options.social.SocialViewsOptions;
import dev.tributary.transforms.social.SocialViews;

/** The social views as a layer's options set them: one reading of the options for both layers. */
final class SocialViewsFromOptions {
  private SocialViewsFromOptions() {}

  static SocialViews of(SocialViewsOptions options) {
    return SocialViews.of(
        options.getTopPosts(),
        OptionValues.duration("allowedLateness", options.getAllowedLateness()),
        OptionValues.duration("earlyFiringsEvery", options.getEarlyFiringsEvery()),
        OptionValues.duration("commentWait", options.getCommentWait()));
  }
}
