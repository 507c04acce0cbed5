package dev.tributary.banking;

import dev.tributary.fraud.Alert;
import dev.tributary.fraud.FraudRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Never;
import org.apache.beam.sdk.transforms.windowing.Window;
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
 * <p>How: event time is cut into buckets of length W. A transaction is judged in its own bucket,
 * and is also copied into the next bucket as context, because (t - W, t] never reaches further
 * back than the previous bucket. Each account's bucket is grouped exactly once, when the
 * watermark passes its end plus the allowed lateness, so late and out-of-order transactions
 * within that lateness give exactly the alerts sorted input gives, in batch and streaming alike.
 * Transactions later than that are dropped by the runner and counted in its
 * {@code droppedDueToLateness} metric.
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
    KvCoder<String, VelocityMember> memberCoder;
    try {
      memberCoder =
          KvCoder.of(
              StringUtf8Coder.of(),
              transactions.getPipeline().getSchemaRegistry().getSchemaCoder(VelocityMember.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    return transactions
        .apply("Place in own and next bucket", ParDo.of(new ToBucketsFn(window)))
        .setCoder(memberCoder)
        .apply(
            "Buckets of " + window,
            Window.<KV<String, VelocityMember>>into(FixedWindows.of(window))
                .triggering(Never.ever())
                .withAllowedLateness(allowedLateness, Window.ClosingBehavior.FIRE_ALWAYS)
                .discardingFiredPanes())
        .apply("Group by account and bucket", GroupByKey.create())
        .apply("Count within window", ParDo.of(new CountFn(minCount, window)))
        .setTypeDescriptor(TypeDescriptor.of(Alert.class));
  }

  /** Emits each transaction as a subject at its own time, and as context at the next bucket's start. */
  private static class ToBucketsFn extends DoFn<EnrichedTransaction, KV<String, VelocityMember>> {
    private final long bucketMillis;

    ToBucketsFn(Duration window) {
      this.bucketMillis = window.getMillis();
    }

    @ProcessElement
    public void process(@Element EnrichedTransaction enriched, OutputReceiver<KV<String, VelocityMember>> out) {
      Transaction tx = enriched.transaction;
      long t = tx.eventTime.getMillis();
      Instant nextBucketStart = new Instant(Math.floorDiv(t, bucketMillis) * bucketMillis + bucketMillis);
      out.output(KV.of(tx.accountId, new VelocityMember(tx.id, tx.eventTime, tx.amount, true)));
      out.outputWithTimestamp(
          KV.of(tx.accountId, new VelocityMember(tx.id, tx.eventTime, tx.amount, false)), nextBucketStart);
    }
  }

  /** Judges every subject of one account's bucket against the members in its window. */
  private static class CountFn extends DoFn<KV<String, Iterable<VelocityMember>>, Alert> {
    private final int minCount;
    private final Duration window;

    CountFn(int minCount, Duration window) {
      this.minCount = minCount;
      this.window = window;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<VelocityMember>> bucket, IntervalWindow bucketWindow, OutputReceiver<Alert> out) {
      List<VelocityMember> members = new ArrayList<>();
      bucket.getValue().forEach(members::add);
      members.sort(VelocityMember.IN_TIME_ORDER);
      for (VelocityMember subject : members) {
        if (!subject.subject) {
          continue;
        }
        Instant end = subject.eventTime;
        Instant start = end.minus(window);
        List<String> ids = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (VelocityMember m : members) {
          if (m.eventTime.isAfter(start) && !m.eventTime.isAfter(end)) {
            ids.add(m.transactionId);
            total = total.add(m.amount);
          }
        }
        if (ids.size() >= minCount) {
          // The triggering transaction goes last, whatever its id among equal timestamps.
          ids.remove(subject.transactionId);
          ids.add(subject.transactionId);
          out.output(
              new Alert(
                  Alert.idFor(NAME, subject.transactionId), NAME, bucket.getKey(), ids, total,
                  start, end, "MEDIUM", end));
        }
      }
    }
  }
}
