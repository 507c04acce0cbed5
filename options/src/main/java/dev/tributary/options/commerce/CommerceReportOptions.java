package dev.tributary.options.commerce;

import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.OutputDirectoryOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** All options of the batch commerce report pipeline. */
public interface CommerceReportOptions
    extends OrdersInputOptions, OutputDirectoryOptions, CommerceAnalysisOptions, EventTimeOptions {
  @TemplateParameter(
      order = 50,
      label = "Write the report",
      helpText =
          "After the pipeline, write report/ under the output: tables as CSV and JSON lines, three PNG charts and report.html.",
      example = "true",
      type = ParameterType.ENUM,
      enumValues = {"true", "false"})
  @Description(
      "After the pipeline ends, write report/ under --output: each table as CSV and JSON lines,"
          + " three PNG charts (revenue by category, payment methods, top cities) and report.html.")
  @Default.Boolean(true)
  boolean getReport();

  void setReport(boolean value);
}
