package dev.tributary.detect;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/** A {@link DetectionRule} that judges every record on its own, with a {@link RecordCheck}. */
public class RecordRule<T> extends DetectionRule<T> {
  private final RecordCheck<T> check;

  private RecordRule(RecordCheck<T> check) {
    this.check = check;
  }

  public static <T> RecordRule<T> of(RecordCheck<T> check) {
    return new RecordRule<>(check);
  }

  @Override
  public String ruleName() {
    return check.ruleName();
  }

  @Override
  public PCollection<Alert> expand(PCollection<T> input) {
    return input
        .apply("Check " + check.ruleName(), ParDo.of(new CheckFn<>(check)))
        .setTypeDescriptor(TypeDescriptor.of(Alert.class));
  }

  private static class CheckFn<T> extends DoFn<T, Alert> {
    private final RecordCheck<T> check;

    CheckFn(RecordCheck<T> check) {
      this.check = check;
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<Alert> out) {
      Alert alert = check.check(record);
      if (alert != null) {
        out.output(alert);
      }
    }
  }
}
