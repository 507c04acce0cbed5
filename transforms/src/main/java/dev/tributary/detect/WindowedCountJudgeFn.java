package dev.tributary.detect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.joda.time.Instant;

/**
 * Per subject: the records that may still be in a window; each is judged against those in the
 * window ending at it, (t - W, t].
 */
final class WindowedCountJudgeFn extends JudgeInEventTimeFn<WindowMember> {
  private final WindowedCountRule.Spec<?> spec;

  WindowedCountJudgeFn(WindowedCountRule.Spec<?> spec, boolean boundedInput) {
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

  /** A late record still counts in the windows of later records if it reaches them. */
  @Override
  protected boolean keepLate(WindowMember member, Instant judgedThrough) {
    return member.time().isAfter(judgedThrough.minus(spec.window));
  }

  @Override
  protected int keepFrom(List<WindowMember> members, Instant judgedThrough) {
    return firstAfter(members, judgedThrough.minus(spec.window));
  }

  /** Once the last kept record is out of every window. */
  @Override
  protected Instant dropAt(List<WindowMember> remaining, Instant judgedThrough) {
    return remaining.get(remaining.size() - 1).time().plus(spec.window);
  }

  /** Alerts on the record if at least minCount records (or distinct values) lie in its window. */
  @Override
  protected void judge(
      String subjectId, List<WindowMember> list, int index, Consumer<Alert> alerts) {
    WindowMember trigger = list.get(index);
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
    alerts.accept(
        new Alert(
            spec.alertIdOf(subjectId, trigger.recordId()),
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
}
