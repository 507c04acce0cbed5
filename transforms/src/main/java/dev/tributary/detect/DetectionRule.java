package dev.tributary.detect;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * One detection rule: records in, alerts out. Rules that look at one record at a time are {@link
 * RecordRule}s; rules that look across records (velocity) are their own transforms.
 *
 * @param <T> the records the rule inspects
 */
public abstract class DetectionRule<T> extends PTransform<PCollection<T>, PCollection<Alert>> {

  /** The rule's name as it appears in alerts and metrics, e.g. {@code large_amount}. */
  public abstract String ruleName();
}
