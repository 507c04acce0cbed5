package dev.tributary.detect;

import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.Unwindowed;
import java.util.List;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Runs a set of detection rules over the same records and gives all their alerts as one collection.
 * Alerts leave in the global window whatever windows a rule used inside, so that sinks need not
 * know the rules. Counted per rule as {@code alerts.<rule>}.
 */
public class Detect<T> extends PTransform<PCollection<T>, PCollection<Alert>> {
  private final List<DetectionRule<T>> rules;

  private Detect(List<DetectionRule<T>> rules) {
    this.rules = List.copyOf(rules);
  }

  public static <T> Detect<T> withRules(List<DetectionRule<T>> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("Detect needs at least one rule");
    }
    return new Detect<>(rules);
  }

  @Override
  public PCollection<Alert> expand(PCollection<T> records) {
    PCollectionList<Alert> perRule = PCollectionList.empty(records.getPipeline());
    for (DetectionRule<T> rule : rules) {
      PCollection<Alert> alerts =
          records
              .apply(rule.ruleName(), rule)
              .apply("Unwindow " + rule.ruleName(), Unwindowed.of());
      perRule = perRule.and(alerts);
    }
    return perRule
        .apply("All alerts", Flatten.pCollections())
        .apply("Count alerts by rule", ParDo.of(new CountByRuleFn()))
        .setTypeDescriptor(TypeDescriptor.of(Alert.class));
  }

  private static class CountByRuleFn extends DoFn<Alert, Alert> {
    @ProcessElement
    public void process(@Element Alert alert, OutputReceiver<Alert> out) {
      Metrics.counter(TributaryMetrics.NAMESPACE, "alerts." + alert.rule).inc();
      out.output(alert);
    }
  }
}
