package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How a streaming pipeline's main treats the job it submits. */
public interface StreamingJobOptions extends PipelineOptions {
  @Description(
      "Wait for the job to end. Set to false to return once it is submitted: with Flink's "
          + "--attachedMode=false the job keeps running on the cluster, to be cancelled there.")
  @Default.Boolean(true)
  boolean getWaitUntilFinish();

  void setWaitUntilFinish(boolean value);
}
