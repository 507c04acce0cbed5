package dev.tributary.options.social;

import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * The settings of the social views that the batch and the speed layer share, with their windows'
 * lateness and early panes.
 */
public interface SocialViewsOptions extends EventTimeOptions {
  @TemplateParameter(
      order = 42,
      label = "Top posts",
      helpText = "How many posts to rank per subreddit, over all time and per UTC day.",
      example = "10",
      type = ParameterType.INTEGER,
      regexes = {"[1-9][0-9]*"})
  @Description("How many posts to rank per subreddit, over all time and per UTC day.")
  @Default.Integer(10)
  int getTopPosts();

  void setTopPosts(int value);

  @TemplateParameter(
      order = 43,
      label = "Comment wait",
      helpText = "How long (event time) a comment waits for its post before it is a dead letter.",
      example = "PT24H",
      type = ParameterType.DURATION)
  @Description(
      "How long (event time) a comment that arrives before its post waits for it before it becomes"
          + " a dead letter, as an ISO-8601 duration.")
  @Default.String("PT24H")
  String getCommentWait();

  void setCommentWait(String value);
}
