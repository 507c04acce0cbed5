package dev.tributary.options;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.ApplicationNameOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
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
      "Directory for the outputs; each output gets its own folder of files in it. Defaults to a folder"
          + " under target/ named for the pipeline: target/fraud-detection-output for FraudDetectionPipeline.")
  @Default.InstanceFactory(NamedForThePipeline.class)
  String getOutput();

  void setOutput(String value);

  /**
   * {@code target/<pipeline>-output}: the application name (the class whose main built the options)
   * in kebab case, without a trailing "Pipeline".
   */
  class NamedForThePipeline implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      String name =
          options.as(ApplicationNameOptions.class).getAppName().replaceAll("Pipeline$", "");
      return "target/" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase() + "-output";
    }
  }
}
