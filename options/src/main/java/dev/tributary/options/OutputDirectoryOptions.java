package dev.tributary.options;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a batch pipeline writes its outputs: one folder per output under one directory. */
public interface OutputDirectoryOptions extends PipelineOptions {
  @TemplateParameter(
      order = 3,
      label = "Output directory",
      helpText = "Folder for the outputs, one sub-folder of JSON-lines files per output.",
      example = "hdfs://namenode:8020/out/fraud",
      type = ParameterType.FILE_PATH,
      optional = false)
  @Description(
      "Directory for the outputs; each output gets its own folder of JSON-lines files in it.")
  @Default.String("target/fraud-output")
  String getOutput();

  void setOutput(String value);
}
