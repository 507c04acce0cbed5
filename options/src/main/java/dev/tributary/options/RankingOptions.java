package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How many keys a pipeline's top-k views rank. */
public interface RankingOptions extends PipelineOptions {
  @Description("How many accounts to rank per UTC day by their total amount.")
  @Default.Integer(10)
  int getTopK();

  void setTopK(int value);
}
