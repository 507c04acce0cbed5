package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a batch pipeline writes its outputs: one folder per output under one directory. */
public interface OutputDirectoryOptions extends PipelineOptions {
  @Description("Directory for the outputs; each output gets its own folder of JSON-lines files in it.")
  @Default.String("target/fraud-output")
  String getOutput();

  void setOutput(String value);
}
