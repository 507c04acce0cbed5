package dev.tributary.detect;

import dev.tributary.transforms.TributaryMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The skeleton of a rule that looks across a subject's records, as in Flink's fraud-detection
 * walkthrough: keyed state and an event-time timer per subject. The subject keeps its records in
 * event-time order; a record that needs a verdict is judged when the watermark passes its time plus
 * the allowed lateness, when every record that arrived within the lateness is in the state, so late
 * and out-of-order input gives exactly the alerts sorted input gives, in batch and streaming alike.
 * A record that arrives after its time was judged is counted as {@code <rule>.lateRecords} and is
 * not judged itself. Subclasses say which records need a verdict, how one is judged against the
 * others, and how much of the past later verdicts need.
 *
 * <p>State is one value per subject, read and written once per record, and replaced rather than
 * changed in place: Flink with {@code --fasterCopy} may be writing the stored value to a checkpoint
 * at the same time.
 *
 * @param <M> what the rule keeps of a record
 */
public abstract class JudgeInEventTimeFn<M> extends DoFn<KV<String, M>, Alert> {
  @StateId("subject")
  private final StateSpec<ValueState<Timeline<M>>> subjectSpec;

  @TimerId("judge")
  private final TimerSpec judgeSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  private final Duration allowedLateness;
  private final boolean judgeAtEnd;
  private final Counter late;

  /**
   * @param memberCoder the coder of the kept records
   * @param boundedInput whether the input is bounded: then all of it is there before any judgement,
   *     and each subject is judged once, at the end, instead of record by record (a chain of timers
   *     that runners such as the Direct runner fire one round at a time)
   */
  protected JudgeInEventTimeFn(
      String ruleName, Coder<M> memberCoder, Duration allowedLateness, boolean boundedInput) {
    this.subjectSpec = StateSpecs.value(new TimelineCoder<>(memberCoder));
    this.judgeAtEnd = boundedInput;
    this.allowedLateness = allowedLateness;
    this.late = Metrics.counter(TributaryMetrics.NAMESPACE, ruleName + ".lateRecords");
  }

  /** Event-time order, ties broken so that every run agrees (by record id). */
  protected abstract Comparator<M> order();

  /** The record's event time. */
  protected abstract Instant timeOf(M member);

  /** Whether the record is judged (the others only inform verdicts); all by default. */
  protected boolean needsVerdict(M member) {
    return true;
  }

  /**
   * Judges {@code members.get(index)} against the others (in event-time order; later ones may be
   * there too) and gives an alert to {@code alerts} when the rule holds.
   */
  protected abstract void judge(
      String subjectId, List<M> members, int index, Consumer<Alert> alerts);

  /**
   * The index of the first member that a verdict on a record after {@code judgedThrough} may still
   * need; those before it are dropped.
   */
  protected abstract int keepFrom(List<M> members, Instant judgedThrough);

  /** Whether a record too late to be judged is still kept to inform later verdicts. */
  protected boolean keepLate(M member, Instant judgedThrough) {
    return true;
  }

  /**
   * When to come back to drop {@code remaining} once none of them needs a verdict; null to keep
   * them until the next record.
   */
  protected abstract @Nullable Instant dropAt(List<M> remaining, Instant judgedThrough);

  @ProcessElement
  public void process(
      @Element KV<String, M> element,
      @StateId("subject") ValueState<Timeline<M>> subject,
      @TimerId("judge") Timer judge) {
    M member = element.getValue();
    Timeline<M> state = stateOf(subject);
    @Nullable Instant judged = state.judgedThrough();
    boolean tooLate = judged != null && !timeOf(member).isAfter(judged);
    if (tooLate) {
      late.inc();
      if (!keepLate(member, judged)) {
        return;
      }
    }
    List<M> kept = state.members();
    int at = Collections.binarySearch(kept, member, order());
    List<M> members = withInserted(kept, at < 0 ? -at - 1 : at, member);
    @Nullable Instant timerAt = state.timerAt();
    if (!tooLate && needsVerdict(member)) {
      Instant due =
          judgeAtEnd ? GlobalWindow.INSTANCE.maxTimestamp() : timeOf(member).plus(allowedLateness);
      if (timerAt == null || due.isBefore(timerAt)) {
        judge.set(due);
        timerAt = due;
      }
    }
    subject.write(new Timeline<>(members, judged, timerAt));
  }

  @OnTimer("judge")
  public void onJudge(
      OnTimerContext context,
      @Key String subjectId,
      @StateId("subject") ValueState<Timeline<M>> subject,
      @TimerId("judge") Timer judge) {
    Instant upTo = judgeAtEnd ? context.timestamp() : context.timestamp().minus(allowedLateness);
    Timeline<M> state = stateOf(subject);
    @Nullable Instant judgedBefore = state.judgedThrough();
    List<M> list = state.members();
    int first = judgedBefore == null ? 0 : firstAfter(list, judgedBefore);
    int end = firstAfter(list, upTo);
    for (int i = first; i < end; i++) {
      if (needsVerdict(list.get(i))) {
        judge(subjectId, list, i, context::output);
      }
    }

    List<M> remaining = new ArrayList<>(list.subList(keepFrom(list, upTo), list.size()));
    @Nullable Instant next = null;
    for (int i = end; i < list.size() && next == null; i++) {
      if (needsVerdict(list.get(i))) {
        next = timeOf(list.get(i)).plus(allowedLateness);
      }
    }
    if (next == null && !remaining.isEmpty()) {
      @Nullable Instant drop = dropAt(remaining, upTo);
      next = drop == null ? null : drop.plus(allowedLateness);
    }
    if (next != null && !judgeAtEnd) {
      judge.set(next);
    }
    // A quiet subject keeps at least the time it was judged up to, to recognise late records.
    subject.write(new Timeline<>(remaining, upTo, next));
  }

  /** The index of the first of {@code list} (in time order) whose time is after {@code time}. */
  protected final int firstAfter(List<M> list, Instant time) {
    int low = 0;
    int high = list.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (timeOf(list.get(mid)).isAfter(time)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private static <M> Timeline<M> stateOf(ValueState<Timeline<M>> subject) {
    Timeline<M> state = subject.read();
    return state == null ? new Timeline<>(List.of(), null, null) : state;
  }

  private static <M> List<M> withInserted(List<M> list, int index, M member) {
    List<M> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list.subList(0, index));
    copy.add(member);
    copy.addAll(list.subList(index, list.size()));
    return copy;
  }

  /**
   * One subject's state.
   *
   * @param members the kept records in event-time order
   * @param judgedThrough every record up to this time has been judged; null before the first
   *     judgement
   * @param timerAt when the timer is set to fire; null when it is not set
   */
  public record Timeline<M>(
      List<M> members, @Nullable Instant judgedThrough, @Nullable Instant timerAt) {}

  /** The coder of {@link Timeline}. */
  static final class TimelineCoder<M> extends CustomCoder<Timeline<M>> {
    private static final Coder<Instant> TIME = NullableCoder.of(InstantCoder.of());
    private final Coder<List<M>> members;

    TimelineCoder(Coder<M> memberCoder) {
      this.members = ListCoder.of(memberCoder);
    }

    @Override
    public void encode(Timeline<M> state, OutputStream out) throws IOException {
      members.encode(state.members(), out);
      TIME.encode(state.judgedThrough(), out);
      TIME.encode(state.timerAt(), out);
    }

    @Override
    public Timeline<M> decode(InputStream in) throws IOException {
      return new Timeline<>(members.decode(in), TIME.decode(in), TIME.decode(in));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TimelineCoder<?> other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
      return members.hashCode();
    }
  }
}
