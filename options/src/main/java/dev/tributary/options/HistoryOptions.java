package dev.tributary.options;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a pipeline keeps the history of the records it parsed, as a partitioned Parquet table. */
public interface HistoryOptions extends PipelineOptions {
  @TemplateParameter(
      order = 4,
      label = "History table",
      helpText =
          "If set, every parsed transaction is written as Parquet under this folder, partitioned by event hour.",
      example = "hdfs://namenode:8020/warehouse/transactions",
      type = ParameterType.FILE_PATH)
  @Description(
      "If set, write every parsed record as Parquet under this folder (local or hdfs://, then with"
          + " --hdfsConfiguration) in Hive-style partitions year=/month=/day=/hour= by event time.")
  @Default.String("")
  String getHistoryOutput();

  void setHistoryOutput(String value);
}
