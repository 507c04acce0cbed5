package dev.tributary.transforms;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Puts records back into the one global window with the default trigger, whatever windows and
 * triggers made them: for outputs that are not windowed results (alerts, dead letters, records on
 * their way to a sink), so that they can be flattened together and written anywhere.
 */
public class Unwindowed<T> extends PTransform<PCollection<T>, PCollection<T>> {
  public static <T> Unwindowed<T> of() {
    return new Unwindowed<>();
  }

  @Override
  public PCollection<T> expand(PCollection<T> records) {
    return records.apply(
        "Into the global window",
        Window.<T>into(new GlobalWindows())
            .triggering(DefaultTrigger.of())
            .withAllowedLateness(Duration.ZERO)
            .discardingFiredPanes());
  }
}
