package dev.tributary.options.commerce;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The settings of the commerce analysis that batch and streaming share. */
public interface CommerceAnalysisOptions extends PipelineOptions {
  @TemplateParameter(
      order = 42,
      label = "Top cities",
      helpText = "How many cities to rank by revenue, over all time and per UTC day.",
      example = "10",
      type = ParameterType.INTEGER,
      regexes = {"[1-9][0-9]*"})
  @Description("How many cities to rank by revenue, over all time and per UTC day.")
  @Default.Integer(10)
  int getTopCities();

  void setTopCities(int value);
}
