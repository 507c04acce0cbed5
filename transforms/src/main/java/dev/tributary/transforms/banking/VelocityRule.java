package dev.tributary.transforms.banking;

import dev.tributary.detect.Alert;
import dev.tributary.detect.DetectionRule;
import dev.tributary.transforms.TributaryMetrics;
import dev.tributary.transforms.Unwindowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
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
public class VelocityRule extends DetectionRule<EnrichedTransaction> {
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
   * transaction not yet judged. All three in one state value, read and written once per record.
   */
  private static class JudgeFn extends DoFn<KV<String, VelocityMember>, Alert> {
    private final int minCount;
    private final Duration window;
    private final Duration allowedLateness;
    private final Counter late = Metrics.counter(TributaryMetrics.NAMESPACE, NAME + ".lateTransactions");

    @StateId("account")
    private final StateSpec<ValueState<AccountState>> accountSpec = StateSpecs.value(new AccountStateCoder());

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
        @StateId("account") ValueState<AccountState> account,
        @TimerId("judge") Timer judge) {
      VelocityMember member = element.getValue();
      AccountState state = stateOf(account);
      @Nullable Instant judged = state.judgedThrough();
      boolean tooLate = judged != null && !member.eventTime.isAfter(judged);
      if (tooLate) {
        late.inc();
        if (!member.eventTime.isAfter(judged.minus(window))) {
          return;
        }
        // Still inside the window of a transaction that is not judged yet: keep it, do not judge it.
      }
      List<VelocityMember> kept = state.members();
      int at = Collections.binarySearch(kept, member, VelocityMember.IN_TIME_ORDER);
      List<VelocityMember> members = withInserted(kept, at < 0 ? -at - 1 : at, member);
      @Nullable Instant timerAt = state.timerAt();
      Instant due = member.eventTime.plus(allowedLateness);
      if (!tooLate && (timerAt == null || due.isBefore(timerAt))) {
        judge.set(due);
        timerAt = due;
      }
      account.write(new AccountState(members, judged, timerAt));
    }

    @OnTimer("judge")
    public void judge(
        OnTimerContext context,
        @Key String accountId,
        @StateId("account") ValueState<AccountState> account,
        @TimerId("judge") Timer judge) {
      Instant upTo = context.timestamp().minus(allowedLateness);
      AccountState state = stateOf(account);
      @Nullable Instant judgedBefore = state.judgedThrough();
      List<VelocityMember> list = state.members();
      int first = judgedBefore == null ? 0 : firstAfter(list, judgedBefore);
      int end = firstAfter(list, upTo);
      for (int i = first; i < end; i++) {
        judgeOne(accountId, list.get(i), list, context);
      }

      // Drop what no later transaction's window can reach, and set the timer for the next one.
      List<VelocityMember> remaining = list.subList(firstAfter(list, upTo.minus(window)), list.size());
      if (remaining.isEmpty()) {
        // A quiet account keeps only the time it was judged up to, to recognise late transactions.
        account.write(new AccountState(List.of(), upTo, null));
        return;
      }
      // The first transaction not judged yet is at end: none of those kept from it on was dropped.
      Instant next = end < list.size()
          ? list.get(end).eventTime.plus(allowedLateness)
          // Nothing left to judge: come back once the kept transactions are out of every window, to drop them.
          : upTo.plus(window).plus(allowedLateness);
      judge.set(next);
      account.write(new AccountState(new ArrayList<>(remaining), upTo, next));
    }

    private static AccountState stateOf(ValueState<AccountState> account) {
      AccountState state = account.read();
      return state == null ? AccountState.NONE : state;
    }

    /** A new list: {@code list} with {@code member} inserted at {@code index}. */
    private static List<VelocityMember> withInserted(List<VelocityMember> list, int index, VelocityMember member) {
      List<VelocityMember> copy = new ArrayList<>(list.size() + 1);
      copy.addAll(list.subList(0, index));
      copy.add(member);
      copy.addAll(list.subList(index, list.size()));
      return copy;
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

  /**
   * One account's state in {@link JudgeFn}. Never changed in place, only replaced: Flink with
   * {@code --fasterCopy} may be writing the stored value to a checkpoint at the same time.
   *
   * @param members the transactions that may still be in a window, in {@link VelocityMember#IN_TIME_ORDER},
   *     so that a window is a slice of it
   * @param judgedThrough every transaction up to this time has been judged; null before the first judgement
   * @param timerAt when the timer is set to fire; null when it is not set
   */
  record AccountState(List<VelocityMember> members, @Nullable Instant judgedThrough, @Nullable Instant timerAt) {
    static final AccountState NONE = new AccountState(List.of(), null, null);
  }

  /** The coder of {@link AccountState}. */
  static final class AccountStateCoder extends CustomCoder<AccountState> {
    private static final Coder<List<VelocityMember>> MEMBERS = ListCoder.of(VelocityMemberCoder.of());
    private static final Coder<Instant> TIME = NullableCoder.of(InstantCoder.of());

    @Override
    public void encode(AccountState state, OutputStream out) throws IOException {
      MEMBERS.encode(state.members(), out);
      TIME.encode(state.judgedThrough(), out);
      TIME.encode(state.timerAt(), out);
    }

    @Override
    public AccountState decode(InputStream in) throws IOException {
      return new AccountState(MEMBERS.decode(in), TIME.decode(in), TIME.decode(in));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AccountStateCoder;
    }

    @Override
    public int hashCode() {
      return AccountStateCoder.class.hashCode();
    }
  }
}
