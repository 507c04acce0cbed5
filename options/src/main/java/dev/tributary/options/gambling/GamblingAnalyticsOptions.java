package dev.tributary.options.gambling;

import dev.tributary.options.ElasticsearchOptions;
import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.OutputDirectoryOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** All options of the batch gambling analytics pipeline. */
public interface GamblingAnalyticsOptions
    extends GamblingDataOptions,
        OutputDirectoryOptions,
        GamblingRiskOptions,
        EventTimeOptions,
        ElasticsearchOptions {
  @TemplateParameter(
      order = 4,
      label = "Warehouse",
      helpText =
          "If set, the parsed records and the views are written here as Parquet tables, partitioned by day.",
      example = "hdfs://namenode:8020/warehouse/gambling",
      type = ParameterType.FILE_PATH)
  @Description(
      "If set, write the warehouse under this folder (local or hdfs://): the six kinds of record as"
          + " Parquet tables partitioned year=/month=/day= by event time, and each view as a Parquet"
          + " table (windowed views partitioned by their window's day). infra/hive/gambling.sql"
          + " declares them; GamblingSql queries them.")
  @Default.String("")
  String getGamblingWarehouse();

  void setGamblingWarehouse(String value);

  @TemplateParameter(
      order = 5,
      label = "Serve to Elasticsearch",
      helpText = "Also write the views to Elasticsearch, views_gambling_<view>_<version>.",
      example = "true",
      type = ParameterType.ENUM,
      enumValues = {"true", "false"})
  @Description(
      "Also write every view to Elasticsearch at --elasticsearchUrl, one index per view:"
          + " views_gambling_<view>_<indexVersion>, and the alerts to gambling_alerts_<indexVersion>.")
  @Default.Boolean(false)
  boolean getServe();

  void setServe(boolean value);
}
