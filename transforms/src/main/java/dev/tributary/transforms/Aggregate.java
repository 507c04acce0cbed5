package dev.tributary.transforms;

import java.math.BigDecimal;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Never;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * Count, sum, mean and max of a decimal measure per key per fixed event-time window (aligned to
 * the epoch, so hours and days are UTC hours and days).
 *
 * <p>Panes: in streaming, early panes every {@code earlyFiringsEvery} of processing time while a
 * window is open (in {@link AggregateInKeyedState}, every half to one and a half of it, spread over
 * the keys so that they do not all fire together), an on-time pane when the watermark passes its end
 * unless nothing came since the last early pane (it would repeat it), and exactly one final pane
 * ({@link AggregateResult#isFinal}) when it passes the end plus the allowed lateness, holding
 * every record that arrived in time. Panes accumulate. In batch there is one pane, and it is final.
 * With {@link #finalPanesOnly()} there is only the final pane in streaming too: for a consumer
 * that waits for it, such as {@link TopK}, early panes would be work thrown away.
 *
 * <p>In batch the statistics come from Beam's windowing and combining; in streaming, with the same
 * panes, from {@link AggregateInKeyedState}, which costs a fraction of the work per record there.
 */
public class Aggregate<T> extends PTransform<PCollection<T>, PCollection<AggregateResult>> {
  private final SerializableFunction<T, String> keyOf;
  private final SerializableFunction<T, BigDecimal> measureOf;
  private final Duration windowSize;
  private final Duration allowedLateness;
  /** Null for final panes only. */
  private final @Nullable Duration earlyFiringsEvery;
  /** Streaming: whether each bundle's records are merged per key and window before the shuffle. */
  private final boolean combineBeforeShuffle;

  private Aggregate(
      SerializableFunction<T, String> keyOf,
      SerializableFunction<T, BigDecimal> measureOf,
      Duration windowSize,
      Duration allowedLateness,
      @Nullable Duration earlyFiringsEvery,
      boolean combineBeforeShuffle) {
    this.keyOf = keyOf;
    this.measureOf = measureOf;
    this.windowSize = windowSize;
    this.allowedLateness = allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
    this.combineBeforeShuffle = combineBeforeShuffle;
  }

  /** Aggregates {@code measureOf} per {@code keyOf} over windows of {@code windowSize}; no lateness, early panes every minute. */
  public static <T> Aggregate<T> of(
      SerializableFunction<T, String> keyOf, SerializableFunction<T, BigDecimal> measureOf, Duration windowSize) {
    return new Aggregate<>(keyOf, measureOf, windowSize, Duration.ZERO, Duration.standardMinutes(1), true);
  }

  public Aggregate<T> withAllowedLateness(Duration lateness) {
    return new Aggregate<>(keyOf, measureOf, windowSize, lateness, earlyFiringsEvery, combineBeforeShuffle);
  }

  public Aggregate<T> withEarlyFiringsEvery(Duration every) {
    return new Aggregate<>(keyOf, measureOf, windowSize, allowedLateness, every, combineBeforeShuffle);
  }

  /** Only the final pane of each window, when the watermark passes its end plus the allowed lateness. */
  public Aggregate<T> finalPanesOnly() {
    return new Aggregate<>(keyOf, measureOf, windowSize, allowedLateness, null, combineBeforeShuffle);
  }

  /**
   * Streaming: each record goes to its key's state on its own, not merged first with the records
   * of its bundle that share its key and window. For keys that rarely repeat within a bundle (an
   * account among 1,000 records), where the merge costs more than it saves (log entry 51). In
   * batch the runners combine before the shuffle as they see fit.
   */
  public Aggregate<T> withoutCombiningBeforeShuffle() {
    return new Aggregate<>(keyOf, measureOf, windowSize, allowedLateness, earlyFiringsEvery, false);
  }

  @Override
  public PCollection<AggregateResult> expand(PCollection<T> input) {
    PCollection<KV<String, AmountStats>> measures =
        input
            .apply(
                "Key and measure",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(AmountStats.class)))
                    .via((T record) -> KV.of(keyOf.apply(record), AmountStats.of(measureOf.apply(record)))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), AmountStatsCoder.of()));
    if (input.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      return measures.apply(
          "Panes per key and window",
          new AggregateInKeyedState(FixedWindows.of(windowSize), allowedLateness, earlyFiringsEvery, combineBeforeShuffle));
    }
    return measures
        .apply(
            "Windows of " + windowSize,
            Window.<KV<String, AmountStats>>into(FixedWindows.of(windowSize))
                .triggering(trigger())
                .withAllowedLateness(allowedLateness, Window.ClosingBehavior.FIRE_ALWAYS)
                .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
                .accumulatingFiredPanes())
        .apply("Statistics per key", Combine.perKey(new AmountStats.CombineFn()))
        .apply("To results", ParDo.of(new ToResultFn()))
        .setTypeDescriptor(TypeDescriptor.of(AggregateResult.class));
  }

  /** What fires a pane before the final one, which fires when the window closes (FIRE_ALWAYS). */
  private Trigger trigger() {
    if (earlyFiringsEvery == null) {
      return Never.ever();
    }
    return AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiringsEvery))
        .withLateFirings(Never.ever());
  }

  private static class ToResultFn extends DoFn<KV<String, AmountStats>, AggregateResult> {
    @ProcessElement
    public void process(
        @Element KV<String, AmountStats> keyed, IntervalWindow window, PaneInfo pane, OutputReceiver<AggregateResult> out) {
      AmountStats stats = keyed.getValue();
      if (stats.count == 0) {
        // A pane with no records is not a result. The Flink runner can fire one, for early-firing
        // timers of windows already closed, when a stream ends.
        return;
      }
      out.output(
          new AggregateResult(
              keyed.getKey(), window.start(), window.end(), stats.count, stats.sum, stats.mean(), stats.max,
              pane.isLast()));
    }
  }
}
