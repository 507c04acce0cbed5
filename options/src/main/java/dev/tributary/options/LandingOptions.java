package dev.tributary.options;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Streaming pipelines that land their records as files: how often they write. */
public interface LandingOptions extends PipelineOptions {
  @TemplateParameter(
      order = 21,
      label = "Land every",
      helpText =
          "How often (processing time) the records received since the last time are written.",
      example = "PT1M",
      type = ParameterType.DURATION)
  @Description(
      "How often (processing time) the records received since the last write land as new files.")
  @Default.String("PT1M")
  String getLandEvery();

  void setLandEvery(String value);
}
