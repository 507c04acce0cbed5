package dev.tributary.detect;

import dev.tributary.transforms.Unwindowed;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Alerts on a record at t when its subject has at least N records (or N distinct values of a field)
 * with event times in the window W ending at it, (t - W, t]; records with equal times all count.
 * The alert lists those records, sums their measure and says the count in its {@code count}
 * attribute. Banking's velocity (5 transactions of an account in 5 minutes) is one; "5 distinct
 * players on one device within 24 hours" another.
 *
 * <p>How: a {@link JudgeInEventTimeFn} per subject that keeps the records that may still fall in
 * some window. A record too late to be judged still counts in the windows of later records. Each
 * record is shuffled once to each of its subjects.
 */
public class WindowedCountRule<T> extends DetectionRule<T> {
  /** What the rule reads of a record, what it calls things, and its thresholds. */
  static final class Spec<T> implements Serializable {
    String name;
    int version = 1;
    String severity = "MEDIUM";
    String subjectType;
    SerializableFunction<T, List<String>> subjectsOf;
    boolean severalSubjects;
    SerializableFunction<T, String> recordIdOf;
    SerializableFunction<T, Instant> timeOf;
    @Nullable SerializableFunction<T, BigDecimal> measureOf;
    @Nullable SerializableFunction<T, String> distinctOf;
    int minCount = 5;
    Duration window = Duration.standardMinutes(5);
    Duration allowedLateness = Duration.ZERO;

    /** A copy of this spec with {@code change} made to it; this one stays as it is. */
    Spec<T> with(Consumer<Spec<T>> change) {
      Spec<T> copy = new Spec<>();
      copy.name = name;
      copy.version = version;
      copy.severity = severity;
      copy.subjectType = subjectType;
      copy.subjectsOf = subjectsOf;
      copy.severalSubjects = severalSubjects;
      copy.recordIdOf = recordIdOf;
      copy.timeOf = timeOf;
      copy.measureOf = measureOf;
      copy.distinctOf = distinctOf;
      copy.minCount = minCount;
      copy.window = window;
      copy.allowedLateness = allowedLateness;
      change.accept(copy);
      return copy;
    }

    /**
     * {@code <rule>:<record>}, or {@code <rule>:<subject>:<record>} when a record has several
     * subjects, each of which may alert on it.
     */
    String alertIdOf(String subjectId, String recordId) {
      return Alert.idFor(name, severalSubjects ? subjectId + ":" + recordId : recordId);
    }
  }

  private final Spec<T> spec;

  private WindowedCountRule(Spec<T> spec) {
    this.spec = spec;
  }

  /**
   * A rule named {@code name} over the records of each subject, counting 5 records within 5 minutes
   * and no lateness until told otherwise; severity MEDIUM, version 1.
   */
  public static <T> WindowedCountRule<T> of(
      String name,
      String subjectType,
      SerializableFunction<T, String> subjectOf,
      SerializableFunction<T, String> recordIdOf,
      SerializableFunction<T, Instant> timeOf) {
    return new WindowedCountRule<>(
        new Spec<T>()
            .with(
                s -> {
                  s.name = name;
                  s.subjectType = subjectType;
                  s.subjectsOf = r -> List.of(subjectOf.apply(r));
                  s.recordIdOf = recordIdOf;
                  s.timeOf = timeOf;
                }));
  }

  /**
   * A rule over subjects of which a record may have several (a session is seen on its device and
   * from its address), each judged on its own; the alert ids name the subject.
   */
  public static <T> WindowedCountRule<T> ofEach(
      String name,
      String subjectType,
      SerializableFunction<T, List<String>> subjectsOf,
      SerializableFunction<T, String> recordIdOf,
      SerializableFunction<T, Instant> timeOf) {
    return new WindowedCountRule<>(
        WindowedCountRule.<T>of(name, subjectType, r -> "", recordIdOf, timeOf)
            .spec
            .with(
                s -> {
                  s.subjectsOf = subjectsOf;
                  s.severalSubjects = true;
                }));
  }

  /** Alerts at {@code count} or more records (or distinct values) in the window. */
  public WindowedCountRule<T> atLeast(int count) {
    if (count < 1) {
      throw new IllegalArgumentException(
          spec.name + ": the count must be at least 1, got " + count);
    }
    return new WindowedCountRule<>(spec.with(s -> s.minCount = count));
  }

  /** The window that ends at each record. */
  public WindowedCountRule<T> within(Duration window) {
    if (!window.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException(
          spec.name + ": the window must be positive, got " + window);
    }
    return new WindowedCountRule<>(spec.with(s -> s.window = window));
  }

  /** How late a record may arrive and still be judged: each is judged this long after its time. */
  public WindowedCountRule<T> withAllowedLateness(Duration lateness) {
    return new WindowedCountRule<>(spec.with(s -> s.allowedLateness = lateness));
  }

  /** The alert's measure: the sum of this over the window's records. */
  public WindowedCountRule<T> summing(SerializableFunction<T, BigDecimal> measureOf) {
    return new WindowedCountRule<>(spec.with(s -> s.measureOf = measureOf));
  }

  /** Counts the distinct values of this field in the window instead of records. */
  public WindowedCountRule<T> countingDistinct(SerializableFunction<T, String> distinctOf) {
    return new WindowedCountRule<>(spec.with(s -> s.distinctOf = distinctOf));
  }

  /** The alerts' severity and the rule's version. */
  public WindowedCountRule<T> withSeverity(String severity, int version) {
    return new WindowedCountRule<>(
        spec.with(
            s -> {
              s.severity = severity;
              s.version = version;
            }));
  }

  @Override
  public String ruleName() {
    return spec.name;
  }

  @Override
  public PCollection<Alert> expand(PCollection<T> records) {
    return records
        // State is kept per key and window: one window, so that a subject's state spans all time.
        .apply("In one window", Unwindowed.of())
        .apply("Key by " + spec.subjectType, ParDo.of(new KeyBySubjectFn<>(spec)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), WindowMember.Coder.INSTANCE))
        .apply(
            "Judge when complete",
            ParDo.of(
                new WindowedCountJudgeFn(
                    spec, records.isBounded() == PCollection.IsBounded.BOUNDED)))
        .setTypeDescriptor(TypeDescriptor.of(Alert.class));
  }

  private static class KeyBySubjectFn<T> extends DoFn<T, KV<String, WindowMember>> {
    private final Spec<T> spec;

    KeyBySubjectFn(Spec<T> spec) {
      this.spec = spec;
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<KV<String, WindowMember>> out) {
      WindowMember member =
          new WindowMember(
              spec.recordIdOf.apply(record),
              spec.timeOf.apply(record),
              spec.measureOf == null ? null : spec.measureOf.apply(record),
              spec.distinctOf == null ? null : spec.distinctOf.apply(record));
      for (String subject : spec.subjectsOf.apply(record)) {
        out.output(KV.of(subject, member));
      }
    }
  }
}
