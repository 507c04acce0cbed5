package dev.tributary.transforms.social;

import java.util.regex.Pattern;

/** What the social parsers accept, in one place. */
final class SocialLimits {
  /** The largest score, up or down. */
  static final long MAX_SCORE = 1_000_000_000L;

  static final long MAX_KARMA = 1_000_000_000_000L;

  /** A subreddit's name as Reddit allows it: letters, digits and '_', 2 to 21 characters. */
  static final Pattern SUBREDDIT = Pattern.compile("[A-Za-z0-9_]{2,21}");

  static final String SUBREDDIT_RULE = "letters, digits and '_', 2 to 21 characters";

  private SocialLimits() {}
}
