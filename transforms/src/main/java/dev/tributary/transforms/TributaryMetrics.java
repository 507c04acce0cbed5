package dev.tributary.transforms;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Where Tributary's Beam counters live, so that a pipeline's summary, its tests and a metrics
 * backend all find them. In namespace {@value #NAMESPACE}:
 *
 * <ul>
 *   <li>{@code <records>.read}, {@code <records>.parsed}, {@code <records>.deadLetters}, from
 *       {@link Parse};
 *   <li>{@code <reference>.matched}, {@code <reference>.unmatched}, from {@link Enrich};
 *   <li>{@code alerts.<rule>}, from {@code Detect};
 *   <li>{@code <rule>.lateRecords}, from {@code WindowedCountRule} (e.g. velocity): records that
 *       arrived after their time was judged.
 *   <li>{@code aggregate.lateRecords}, from {@link Aggregate} in streaming: records that arrived
 *       after their window's allowed lateness, left out.
 * </ul>
 */
public final class TributaryMetrics {
  public static final String NAMESPACE = "tributary";

  private TributaryMetrics() {}

  /** Tributary's counters of a run: those in {@value #NAMESPACE}. */
  public static MetricQueryResults of(PipelineResult result) {
    return result
        .metrics()
        .queryMetrics(
            MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(NAMESPACE)).build());
  }

  /** The attempted total of counter {@code name} over every step that counts it. */
  public static long counter(MetricQueryResults metrics, String name) {
    long total = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      if (counter.getName().getName().equals(name)) {
        total += counter.getAttempted();
      }
    }
    return total;
  }
}
