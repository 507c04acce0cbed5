package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a pipeline serves its views: an Elasticsearch cluster (versions 5 to 8). */
public interface ElasticsearchOptions extends PipelineOptions {
  @Description("Elasticsearch HTTP address.")
  @Default.String("http://127.0.0.1:9200")
  String getElasticsearchUrl();

  void setElasticsearchUrl(String value);

  @Description("Version suffix of every index this pipeline writes (fraud_alerts_<suffix>, views_..._<suffix>).")
  @Default.String("v1")
  String getIndexVersion();

  void setIndexVersion(String value);
}
