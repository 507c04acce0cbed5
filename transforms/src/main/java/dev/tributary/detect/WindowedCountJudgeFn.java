package dev.tributary.detect;

import dev.tributary.transforms.TributaryMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.apache.beam.sdk.values.KV;
import org.joda.time.Instant;

/**
 * Per subject: the records that may still be in a window (a list in time order), the time up to
 * which records have been judged, and one event-time timer set for the earliest record not yet
 * judged. All three in one state value, read and written once per record.
 */
final class WindowedCountJudgeFn extends DoFn<KV<String, WindowMember>, Alert> {
  private final WindowedCountRule.Spec<?> spec;
  private final Counter late;

  @StateId("subject")
  private final StateSpec<ValueState<SubjectState>> subjectSpec =
      StateSpecs.value(new SubjectStateCoder());

  @TimerId("judge")
  private final TimerSpec judgeSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  WindowedCountJudgeFn(WindowedCountRule.Spec<?> spec) {
    this.spec = spec;
    this.late = Metrics.counter(TributaryMetrics.NAMESPACE, spec.name + ".lateRecords");
  }

  @ProcessElement
  public void process(
      @Element KV<String, WindowMember> element,
      @StateId("subject") ValueState<SubjectState> subject,
      @TimerId("judge") Timer judge) {
    WindowMember member = element.getValue();
    SubjectState state = stateOf(subject);
    @Nullable Instant judged = state.judgedThrough();
    boolean tooLate = judged != null && !member.time().isAfter(judged);
    if (tooLate) {
      late.inc();
      if (!member.time().isAfter(judged.minus(spec.window))) {
        return;
      }
      // Still inside the window of a record that is not judged yet: keep it, do not judge it.
    }
    List<WindowMember> kept = state.members();
    int at = Collections.binarySearch(kept, member, WindowMember.IN_TIME_ORDER);
    List<WindowMember> members = withInserted(kept, at < 0 ? -at - 1 : at, member);
    @Nullable Instant timerAt = state.timerAt();
    Instant due = member.time().plus(spec.allowedLateness);
    if (!tooLate && (timerAt == null || due.isBefore(timerAt))) {
      judge.set(due);
      timerAt = due;
    }
    subject.write(new SubjectState(members, judged, timerAt));
  }

  @OnTimer("judge")
  public void judge(
      OnTimerContext context,
      @Key String subjectId,
      @StateId("subject") ValueState<SubjectState> subject,
      @TimerId("judge") Timer judge) {
    Instant upTo = context.timestamp().minus(spec.allowedLateness);
    SubjectState state = stateOf(subject);
    @Nullable Instant judgedBefore = state.judgedThrough();
    List<WindowMember> list = state.members();
    int first = judgedBefore == null ? 0 : firstAfter(list, judgedBefore);
    int end = firstAfter(list, upTo);
    for (int i = first; i < end; i++) {
      judgeOne(subjectId, list.get(i), list, context);
    }

    // Drop what no later record's window can reach, and set the timer for the next one.
    List<WindowMember> remaining =
        list.subList(firstAfter(list, upTo.minus(spec.window)), list.size());
    if (remaining.isEmpty()) {
      // A quiet subject keeps only the time it was judged up to, to recognise late records.
      subject.write(new SubjectState(List.of(), upTo, null));
      return;
    }
    // The first record not judged yet is at end: none of those kept from it on was dropped.
    Instant next =
        end < list.size()
            ? list.get(end).time().plus(spec.allowedLateness)
            // Nothing left to judge: come back once the kept records are out of every window, to
            // drop them.
            : upTo.plus(spec.window).plus(spec.allowedLateness);
    judge.set(next);
    subject.write(new SubjectState(new ArrayList<>(remaining), upTo, next));
  }

  private static SubjectState stateOf(ValueState<SubjectState> subject) {
    SubjectState state = subject.read();
    return state == null ? SubjectState.NONE : state;
  }

  /** A new list: {@code list} with {@code member} inserted at {@code index}. */
  private static List<WindowMember> withInserted(
      List<WindowMember> list, int index, WindowMember member) {
    List<WindowMember> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list.subList(0, index));
    copy.add(member);
    copy.addAll(list.subList(index, list.size()));
    return copy;
  }

  /**
   * The index of the first member of {@code list} (in time order) whose time is after {@code time}.
   */
  private static int firstAfter(List<WindowMember> list, Instant time) {
    int low = 0;
    int high = list.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (list.get(mid).time().isAfter(time)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /**
   * Alerts on {@code trigger} if at least minCount of {@code list} (in time order) lie in its
   * window.
   */
  private void judgeOne(
      String subjectId, WindowMember trigger, List<WindowMember> list, OnTimerContext context) {
    Instant end = trigger.time();
    Instant start = end.minus(spec.window);
    int from = firstAfter(list, start);
    int to = firstAfter(list, end);
    if (to - from < spec.minCount) {
      return;
    }
    int count = to - from;
    if (spec.distinctOf != null) {
      Set<String> values = new HashSet<>();
      for (int i = from; i < to; i++) {
        values.add(list.get(i).distinct());
      }
      values.remove(null);
      count = values.size();
      if (count < spec.minCount) {
        return;
      }
    }
    List<String> ids = new ArrayList<>(to - from);
    BigDecimal total = spec.measureOf == null ? null : BigDecimal.ZERO;
    for (int i = from; i < to; i++) {
      ids.add(list.get(i).recordId());
      if (total != null) {
        total = total.add(list.get(i).measure());
      }
    }
    // The triggering record goes last, whatever its id among equal timestamps.
    ids.remove(trigger.recordId());
    ids.add(trigger.recordId());
    context.output(
        new Alert(
            Alert.idFor(spec.name, trigger.recordId()),
            spec.name,
            spec.version,
            spec.subjectType,
            subjectId,
            ids,
            total,
            List.of(new AlertAttribute("count", String.valueOf(count))),
            start,
            end,
            spec.severity,
            end));
  }

  /**
   * One subject's state in {@link WindowedCountJudgeFn}. Never changed in place, only replaced:
   * Flink with {@code --fasterCopy} may be writing the stored value to a checkpoint at the same
   * time.
   *
   * @param members the records that may still be in a window, in {@link
   *     WindowMember#IN_TIME_ORDER}, so that a window is a slice of it
   * @param judgedThrough every record up to this time has been judged; null before the first
   *     judgement
   * @param timerAt when the timer is set to fire; null when it is not set
   */
  record SubjectState(
      List<WindowMember> members, @Nullable Instant judgedThrough, @Nullable Instant timerAt) {
    static final SubjectState NONE = new SubjectState(List.of(), null, null);
  }

  /** The coder of {@link SubjectState}. */
  static final class SubjectStateCoder extends CustomCoder<SubjectState> {
    private static final Coder<List<WindowMember>> MEMBERS =
        ListCoder.of(WindowMember.Coder.INSTANCE);
    private static final Coder<Instant> TIME = NullableCoder.of(InstantCoder.of());

    @Override
    public void encode(SubjectState state, OutputStream out) throws IOException {
      MEMBERS.encode(state.members(), out);
      TIME.encode(state.judgedThrough(), out);
      TIME.encode(state.timerAt(), out);
    }

    @Override
    public SubjectState decode(InputStream in) throws IOException {
      return new SubjectState(MEMBERS.decode(in), TIME.decode(in), TIME.decode(in));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SubjectStateCoder;
    }

    @Override
    public int hashCode() {
      return SubjectStateCoder.class.hashCode();
    }
  }
}
