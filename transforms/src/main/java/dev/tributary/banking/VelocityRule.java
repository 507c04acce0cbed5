package dev.tributary.banking;

import dev.tributary.fraud.Alert;
import dev.tributary.fraud.FraudRule;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.Unwindowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * velocity: a transaction that is at least the N-th (5th) transaction of its account whose event
 * time lies in the W (5 minutes) ending at it, i.e. in (t - W, t]; transactions with equal
 * timestamps all count. The alert lists those transactions.
 *
 * <p>How: as in Flink's fraud-detection walkthrough, keyed state and a timer per account. Each
 * account keeps the transactions that may still fall in some window. A transaction at t is judged
 * by an event-time timer when the watermark passes t plus the allowed lateness: by then every
 * transaction that arrived within the lateness is in the state, so late and out-of-order input
 * gives exactly the alerts sorted input gives, in batch and streaming alike. A transaction that
 * arrives after its time was judged is too late to be judged itself: it is counted as
 * {@code velocity.lateTransactions} and still counts in the windows of later transactions.
 * Each transaction is shuffled once, to its account.
 */
public class VelocityRule extends FraudRule<EnrichedTransaction> {
  public static final String NAME = "velocity";

  private final int minCount;
  private final Duration window;
  private final Duration allowedLateness;

  public VelocityRule(int minCount, Duration window, Duration allowedLateness) {
    this.minCount = minCount;
    this.window = window;
    this.allowedLateness = allowedLateness;
  }

  @Override
  public String ruleName() {
    return NAME;
  }

  @Override
  public PCollection<Alert> expand(PCollection<EnrichedTransaction> transactions) {
    return transactions
        // State is kept per key and window: one window, so that an account's state spans all time.
        .apply("In one window", Unwindowed.of())
        .apply("Key by account", ParDo.of(new KeyByAccountFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VelocityMemberCoder.of()))
        .apply("Judge when complete", ParDo.of(new JudgeFn(minCount, window, allowedLateness)))
        .setTypeDescriptor(TypeDescriptor.of(Alert.class));
  }

  private static class KeyByAccountFn extends DoFn<EnrichedTransaction, KV<String, VelocityMember>> {
    @ProcessElement
    public void process(@Element EnrichedTransaction enriched, OutputReceiver<KV<String, VelocityMember>> out) {
      Transaction tx = enriched.transaction;
      out.output(KV.of(tx.accountId, new VelocityMember(tx.id, tx.eventTime, tx.amount)));
    }
  }

  /**
   * Per account: the transactions that may still be in a window (a list in time order), the time
   * up to which transactions have been judged, and one event-time timer set for the earliest
   * transaction not yet judged.
   */
  private static class JudgeFn extends DoFn<KV<String, VelocityMember>, Alert> {
    private final int minCount;
    private final Duration window;
    private final Duration allowedLateness;
    private final Counter late = Metrics.counter(TributaryMetrics.NAMESPACE, NAME + ".lateTransactions");

    @StateId("account")
    private final StateSpec<ValueState<String>> accountSpec = StateSpecs.value(StringUtf8Coder.of());

    /** In {@link VelocityMember#IN_TIME_ORDER}, so that a window is a slice of it. */
    @StateId("members")
    private final StateSpec<ValueState<List<VelocityMember>>> membersSpec =
        StateSpecs.value(ListCoder.of(VelocityMemberCoder.of()));

    /** Every transaction up to this time has been judged; null before the first judgement. */
    @StateId("judgedThrough")
    private final StateSpec<ValueState<Instant>> judgedThroughSpec = StateSpecs.value(InstantCoder.of());

    /** When the timer is set to fire; null when it is not set. */
    @StateId("timerAt")
    private final StateSpec<ValueState<Instant>> timerAtSpec = StateSpecs.value(InstantCoder.of());

    @TimerId("judge")
    private final TimerSpec judgeSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    JudgeFn(int minCount, Duration window, Duration allowedLateness) {
      this.minCount = minCount;
      this.window = window;
      this.allowedLateness = allowedLateness;
    }

    @ProcessElement
    public void process(
        @Element KV<String, VelocityMember> element,
        @StateId("account") ValueState<String> account,
        @StateId("members") ValueState<List<VelocityMember>> members,
        @StateId("judgedThrough") ValueState<Instant> judgedThrough,
        @StateId("timerAt") ValueState<Instant> timerAt,
        @TimerId("judge") Timer judge) {
      VelocityMember member = element.getValue();
      @Nullable Instant judged = judgedThrough.read();
      boolean tooLate = judged != null && !member.eventTime.isAfter(judged);
      if (tooLate) {
        late.inc();
        if (!member.eventTime.isAfter(judged.minus(window))) {
          return;
        }
        // Still inside the window of a transaction that is not judged yet: keep it, do not judge it.
      }
      List<VelocityMember> kept = listOf(members);
      int at = Collections.binarySearch(kept, member, VelocityMember.IN_TIME_ORDER);
      members.write(withInserted(kept, at < 0 ? -at - 1 : at, member));
      if (tooLate) {
        return;
      }
      Instant due = member.eventTime.plus(allowedLateness);
      @Nullable Instant current = timerAt.read();
      if (current == null || due.isBefore(current)) {
        account.write(element.getKey());
        setTimer(judge, timerAt, due);
      }
    }

    @OnTimer("judge")
    public void judge(
        OnTimerContext context,
        @StateId("account") ValueState<String> account,
        @StateId("members") ValueState<List<VelocityMember>> members,
        @StateId("judgedThrough") ValueState<Instant> judgedThrough,
        @StateId("timerAt") ValueState<Instant> timerAt,
        @TimerId("judge") Timer judge) {
      Instant upTo = context.timestamp().minus(allowedLateness);
      @Nullable Instant judgedBefore = judgedThrough.read();
      List<VelocityMember> list = listOf(members);
      int first = judgedBefore == null ? 0 : firstAfter(list, judgedBefore);
      int end = firstAfter(list, upTo);
      String accountId = account.read();
      for (int i = first; i < end; i++) {
        judgeOne(accountId, list.get(i), list, context);
      }
      judgedThrough.write(upTo);

      // Drop what no later transaction's window can reach, and set the timer for the next one.
      List<VelocityMember> remaining = list.subList(firstAfter(list, upTo.minus(window)), list.size());
      if (remaining.isEmpty()) {
        // A quiet account keeps only the time it was judged up to, to recognise late transactions.
        members.clear();
        timerAt.clear();
        account.clear();
        return;
      }
      members.write(new ArrayList<>(remaining));
      // The first transaction not judged yet is at end: none of those kept from it on was dropped.
      setTimer(judge, timerAt, end < list.size()
          ? list.get(end).eventTime.plus(allowedLateness)
          // Nothing left to judge: come back once the kept transactions are out of every window, to drop them.
          : upTo.plus(window).plus(allowedLateness));
    }

    /**
     * The account's kept transactions, in time order; empty before its first one. Never changed in
     * place, only replaced: Flink with {@code --fasterCopy} may be writing the stored list to a
     * checkpoint at the same time.
     */
    private static List<VelocityMember> listOf(ValueState<List<VelocityMember>> members) {
      List<VelocityMember> list = members.read();
      return list == null ? List.of() : list;
    }

    /** A new list: {@code list} with {@code member} inserted at {@code index}. */
    private static List<VelocityMember> withInserted(List<VelocityMember> list, int index, VelocityMember member) {
      List<VelocityMember> copy = new ArrayList<>(list.size() + 1);
      copy.addAll(list.subList(0, index));
      copy.add(member);
      copy.addAll(list.subList(index, list.size()));
      return copy;
    }

    private static void setTimer(Timer judge, ValueState<Instant> timerAt, Instant due) {
      judge.set(due);
      timerAt.write(due);
    }

    /** The index of the first member of {@code list} (in time order) whose time is after {@code time}. */
    private static int firstAfter(List<VelocityMember> list, Instant time) {
      int low = 0;
      int high = list.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (list.get(mid).eventTime.isAfter(time)) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      return low;
    }

    /** Alerts on {@code subject} if at least minCount of {@code list} (in time order) lie in its window. */
    private void judgeOne(String accountId, VelocityMember subject, List<VelocityMember> list, OnTimerContext context) {
      Instant end = subject.eventTime;
      Instant start = end.minus(window);
      int from = firstAfter(list, start);
      int to = firstAfter(list, end);
      if (to - from < minCount) {
        return;
      }
      List<String> ids = new ArrayList<>(to - from);
      BigDecimal total = BigDecimal.ZERO.setScale(2);
      for (int i = from; i < to; i++) {
        ids.add(list.get(i).transactionId);
        total = total.add(list.get(i).amount);
      }
      // The triggering transaction goes last, whatever its id among equal timestamps.
      ids.remove(subject.transactionId);
      ids.add(subject.transactionId);
      context.output(new Alert(Alert.idFor(NAME, subject.transactionId), NAME, accountId, ids, total, start, end, "MEDIUM", end));
    }
  }
}
