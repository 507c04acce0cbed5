package dev.tributary.pipelines;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * A batch pipeline run to its end: its result and how long it took, from {@code run()} to done.
 *
 * @param result what the runner returned, for the counters
 * @param millis the wall-clock time of the run
 */
public record FinishedRun(PipelineResult result, long millis) {
  /** Runs {@code pipeline} and waits for it; fails unless it ends DONE. */
  public static FinishedRun of(Pipeline pipeline) {
    long start = System.nanoTime();
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("pipeline ended in state " + state);
    }
    return new FinishedRun(result, (System.nanoTime() - start) / 1_000_000);
  }
}
