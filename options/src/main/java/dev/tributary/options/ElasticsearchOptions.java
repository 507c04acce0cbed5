package dev.tributary.options;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a pipeline serves its views: an Elasticsearch cluster (versions 5 to 8). */
public interface ElasticsearchOptions extends PipelineOptions {
  @TemplateParameter(
      order = 20,
      label = "Elasticsearch URL",
      helpText = "HTTP address of the Elasticsearch cluster the alerts and views go to.",
      example = "http://es-1:9200",
      type = ParameterType.URL,
      regexes = {"https?://[^\\s]+"})
  @Description(
      "Elasticsearch HTTP address; several nodes of one cluster separated by commas"
          + " (http://es-1:9200,http://es-2:9200): a request goes to one that answers.")
  @Default.String("http://127.0.0.1:9200")
  String getElasticsearchUrl();

  void setElasticsearchUrl(String value);

  @TemplateParameter(
      order = 21,
      label = "Index version",
      helpText =
          "Suffix of every index name, so that a new version can be built beside the old one.",
      example = "v2",
      regexes = {"v[0-9]+"})
  @Description(
      "Version suffix of every index this pipeline writes (fraud_alerts_<suffix>, views_..._<suffix>).")
  @Default.String("v1")
  String getIndexVersion();

  void setIndexVersion(String value);
}
