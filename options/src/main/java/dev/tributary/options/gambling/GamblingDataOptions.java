package dev.tributary.options.gambling;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the gambling data lies in the seed's layout: {@code <base>/<entity>/<entity>.json}. */
public interface GamblingDataOptions extends PipelineOptions {
  @TemplateParameter(
      order = 1,
      label = "Gambling data",
      helpText =
          "Base folder in the seed's layout: players/, games/, sessions/, bets/, transactions/ and events/, each with JSON lines; local or hdfs://.",
      example = "hdfs://namenode:8020/gambling",
      type = ParameterType.FILE_PATH)
  @Description(
      "Base folder in the seed's layout (players/, games/, sessions/, bets/, transactions/, events/,"
          + " each holding JSON-lines files), local or hdfs:// (then with --hdfsConfiguration)."
          + " A streaming job reads only players/ and games/ from it. Defaults to the committed sample.")
  @Default.String("test-data/gambling/sample")
  String getData();

  void setData(String value);
}
