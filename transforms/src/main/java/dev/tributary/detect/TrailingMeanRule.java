package dev.tributary.detect;

import dev.tributary.transforms.Unwindowed;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Alerts on a record whose value is more than F times the mean value of its subject's previous N
 * records (in event-time order, then record id), once the subject has at least M of them: a stake
 * far above the player's own trailing history. The alert's measure is the value; its attributes the
 * trailing mean and how many records it is over. Judged in event time by a {@link
 * JudgeInEventTimeFn}, so that batch and streaming agree; each subject keeps its last N records.
 */
public class TrailingMeanRule<T> extends DetectionRule<T> {
  /** What the rule reads of a record, and its thresholds. */
  static final class Spec<T> implements Serializable {
    String name;
    String subjectType;
    SerializableFunction<T, String> subjectOf;
    SerializableFunction<T, String> recordIdOf;
    SerializableFunction<T, Instant> timeOf;
    SerializableFunction<T, BigDecimal> valueOf;
    BigDecimal factor = BigDecimal.TEN;
    int history = 50;
    int minHistory = 10;
    Duration allowedLateness = Duration.ZERO;
    String severity = "MEDIUM";
  }

  private final Spec<T> spec;

  private TrailingMeanRule(Spec<T> spec) {
    this.spec = spec;
  }

  /**
   * A rule named {@code name} over each subject's values: over 10 times the mean of the last 50,
   * given at least 10, and no lateness until told otherwise.
   */
  public static <T> TrailingMeanRule<T> of(
      String name,
      String subjectType,
      SerializableFunction<T, String> subjectOf,
      SerializableFunction<T, String> recordIdOf,
      SerializableFunction<T, Instant> timeOf,
      SerializableFunction<T, BigDecimal> valueOf) {
    Spec<T> spec = new Spec<>();
    spec.name = name;
    spec.subjectType = subjectType;
    spec.subjectOf = subjectOf;
    spec.recordIdOf = recordIdOf;
    spec.timeOf = timeOf;
    spec.valueOf = valueOf;
    return new TrailingMeanRule<>(spec);
  }

  /**
   * Alerts on a value over {@code factor} times the mean of the previous {@code history} values,
   * given at least {@code minHistory} of them.
   */
  public TrailingMeanRule<T> above(BigDecimal factor, int history, int minHistory) {
    if (factor.signum() <= 0 || minHistory < 1 || history < minHistory) {
      throw new IllegalArgumentException(
          spec.name
              + ": needs a positive factor and 1 <= minimum history <= history, got factor "
              + factor
              + ", history "
              + history
              + ", minimum "
              + minHistory);
    }
    spec.factor = factor;
    spec.history = history;
    spec.minHistory = minHistory;
    return this;
  }

  /** How late a record may arrive and still be judged: each is judged this long after its time. */
  public TrailingMeanRule<T> withAllowedLateness(Duration lateness) {
    spec.allowedLateness = lateness;
    return this;
  }

  public TrailingMeanRule<T> withSeverity(String severity) {
    spec.severity = severity;
    return this;
  }

  @Override
  public String ruleName() {
    return spec.name;
  }

  @Override
  public PCollection<Alert> expand(PCollection<T> records) {
    Spec<T> s = spec;
    return records
        // State is kept per key and window: one window, so that a subject's state spans all time.
        .apply("In one window", Unwindowed.of())
        .apply(
            "Key by " + s.subjectType,
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(), TypeDescriptor.of(WindowMember.class)))
                .via(
                    (T r) ->
                        KV.of(
                            s.subjectOf.apply(r),
                            new WindowMember(
                                s.recordIdOf.apply(r),
                                s.timeOf.apply(r),
                                s.valueOf.apply(r),
                                null))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), WindowMember.Coder.INSTANCE))
        .apply(
            "Judge when complete",
            ParDo.of(new JudgeFn(s, records.isBounded() == PCollection.IsBounded.BOUNDED)))
        .setTypeDescriptor(TypeDescriptor.of(Alert.class));
  }

  /** Keeps each subject's last N judged records and those not judged yet. */
  private static final class JudgeFn extends JudgeInEventTimeFn<WindowMember> {
    private final Spec<?> spec;

    JudgeFn(Spec<?> spec, boolean boundedInput) {
      super(spec.name, WindowMember.Coder.INSTANCE, spec.allowedLateness, boundedInput);
      this.spec = spec;
    }

    @Override
    protected Comparator<WindowMember> order() {
      return WindowMember.IN_TIME_ORDER;
    }

    @Override
    protected Instant timeOf(WindowMember member) {
      return member.time();
    }

    @Override
    protected int keepFrom(List<WindowMember> members, Instant judgedThrough) {
      return Math.max(0, firstAfter(members, judgedThrough) - spec.history);
    }

    /** Never: the last N stay for the subject's next record, however late it comes. */
    @Override
    protected @Nullable Instant dropAt(List<WindowMember> remaining, Instant judgedThrough) {
      return null;
    }

    @Override
    protected void judge(
        String subjectId, List<WindowMember> members, int index, Consumer<Alert> alerts) {
      int from = Math.max(0, index - spec.history);
      int count = index - from;
      if (count < spec.minHistory) {
        return;
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = from; i < index; i++) {
        sum = sum.add(members.get(i).measure());
      }
      WindowMember trigger = members.get(index);
      BigDecimal value = trigger.measure();
      // value > factor * sum / count, without dividing
      if (value.multiply(BigDecimal.valueOf(count)).compareTo(spec.factor.multiply(sum)) <= 0) {
        return;
      }
      BigDecimal mean = sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
      alerts.accept(
          new Alert(
              Alert.idFor(spec.name, trigger.recordId()),
              spec.name,
              1,
              spec.subjectType,
              subjectId,
              List.of(trigger.recordId()),
              value,
              List.of(
                  new AlertAttribute("trailingMean", mean.toPlainString()),
                  new AlertAttribute("history", String.valueOf(count))),
              members.get(from).time(),
              trigger.time(),
              spec.severity,
              trigger.time()));
    }
  }
}
