package dev.tributary.options.social;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the social history lies: the batch layer reads it, the landing pipeline adds to it. */
public interface SocialHistoryOptions extends PipelineOptions {
  @TemplateParameter(
      order = 1,
      label = "History",
      helpText =
          "The history's base folder, holding posts/, comments/ and users/ partitioned year=/month=/day=/hour=, local or hdfs://.",
      example = "hdfs://namenode:8020/data",
      type = ParameterType.FILE_PATH)
  @Description(
      "The history's base folder, holding posts/, comments/ and users/ partitioned"
          + " year=/month=/day=/hour= with JSON lines in data_*.json, local or hdfs://.")
  @Default.String("test-data/social/sample")
  String getHistory();

  void setHistory(String value);
}
