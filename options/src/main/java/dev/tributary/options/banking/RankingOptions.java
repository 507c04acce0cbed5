package dev.tributary.options.banking;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How many keys a pipeline's top-k views rank. */
public interface RankingOptions extends PipelineOptions {
  @TemplateParameter(
      order = 42,
      label = "Top accounts",
      helpText = "How many accounts to rank per UTC day by total amount.",
      example = "10",
      type = ParameterType.INTEGER,
      regexes = {"[1-9][0-9]*"})
  @Description("How many accounts to rank per UTC day by their total amount.")
  @Default.Integer(10)
  int getTopK();

  void setTopK(int value);
}
