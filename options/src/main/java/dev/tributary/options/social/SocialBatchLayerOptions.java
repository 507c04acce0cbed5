package dev.tributary.options.social;

import dev.tributary.options.ElasticsearchOptions;
import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.OutputDirectoryOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** All options of the social batch layer. */
public interface SocialBatchLayerOptions
    extends OutputDirectoryOptions,
        EventTimeOptions,
        SocialViewsOptions,
        ElasticsearchOptions,
        SocialHistoryOptions {
  @TemplateParameter(
      order = 2,
      label = "From",
      helpText = "The first hour of the history to read (ISO-8601, UTC); all of it when empty.",
      example = "2025-11-03T00:00:00Z",
      type = ParameterType.TEXT)
  @Description(
      "Read the history from this hour on (ISO-8601 date-time, e.g. 2025-11-03T00:00:00Z); from its"
          + " start when not given.")
  String getFrom();

  void setFrom(String value);

  @TemplateParameter(
      order = 3,
      label = "To",
      helpText = "The hour the read stops before (ISO-8601, UTC); to the end when empty.",
      example = "2025-11-05T00:00:00Z",
      type = ParameterType.TEXT)
  @Description(
      "Read the history up to, not including, this hour (ISO-8601 date-time); to its end when not"
          + " given.")
  String getTo();

  void setTo(String value);

  @TemplateParameter(
      order = 5,
      label = "Serve",
      helpText =
          "Also write the views to Elasticsearch as the serving layer's batch layer (versions that the speed layer cannot overwrite).",
      example = "true",
      type = ParameterType.ENUM,
      enumValues = {"true", "false"})
  @Description(
      "Also write the views to the Elasticsearch serving indices (views_<view>_<indexVersion>) as the"
          + " batch layer: only the windows wholly inside the range read, with versions that a"
          + " speed-layer write cannot overwrite.")
  @Default.Boolean(false)
  boolean getServe();

  void setServe(boolean value);
}
