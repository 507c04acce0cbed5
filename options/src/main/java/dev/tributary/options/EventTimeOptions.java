package dev.tributary.options;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How windows treat late data and when they give early results (both matter only in streaming). */
public interface EventTimeOptions extends PipelineOptions {
  @TemplateParameter(
      order = 40,
      label = "Allowed lateness",
      helpText =
          "How late an event may arrive and still count; results wait this long after their window.",
      example = "PT5M",
      type = ParameterType.DURATION)
  @Description(
      "How far behind the watermark an event may arrive and still count, as an ISO-8601 duration."
          + " Alerts and final aggregates wait this long after their window ends.")
  @Default.String("PT5M")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @TemplateParameter(
      order = 41,
      label = "Early results every",
      helpText = "Streaming: how often open windows give early aggregate results.",
      example = "PT1M",
      type = ParameterType.DURATION)
  @Description(
      "Streaming only: emit early aggregate results this often (processing time) while a window is open;"
          + " each key's come every half to one and a half of it, spread so that keys do not all fire together.")
  @Default.String("PT1M")
  String getEarlyFiringsEvery();

  void setEarlyFiringsEvery(String value);
}
