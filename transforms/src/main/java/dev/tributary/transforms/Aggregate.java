package dev.tributary.transforms;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Never;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Named {@link Measures} per {@link KeyFields key} per event-time window ({@link AggregateWindows}:
 * fixed and aligned to UTC, or all time), as rows of {@link #resultSchema()}: the key fields,
 * {@code windowStart} and {@code windowEnd} (exclusive; not for all time), the measures, and {@code
 * isFinal}.
 *
 * <p>Panes: in streaming, early panes every {@code earlyFiringsEvery} of processing time while a
 * window is open (in {@link AggregateInKeyedState}, every half to one and a half of it, spread over
 * the keys so that they do not all fire together), an on-time pane when the watermark passes its
 * end unless nothing came since the last early pane (it would repeat it), and exactly one final
 * pane ({@code isFinal}) when it passes the end plus the allowed lateness, holding every record
 * that arrived in time. Panes accumulate. In batch there is one pane, and it is final. With {@link
 * #finalPanesOnly()} there is only the final pane in streaming too: for a consumer that waits for
 * it, such as {@link TopK}, early panes would be work thrown away. A window over all time has no
 * lateness: its final pane comes when the input ends.
 *
 * <p>In batch the measures come from Beam's windowing and combining; in streaming, with the same
 * panes, from {@link AggregateInKeyedState}, which costs a fraction of the work per record there.
 */
public class Aggregate<T> extends PTransform<PCollection<T>, PCollection<Row>> {
  private final KeyFields<T> keys;
  private final Measures<T> measures;
  private final AggregateWindows windows;
  private final Duration allowedLateness;

  /** Null for final panes only. */
  private final @Nullable Duration earlyFiringsEvery;

  /** Streaming: whether each bundle's records are merged per key and window before the shuffle. */
  private final boolean combineBeforeShuffle;

  private Aggregate(
      KeyFields<T> keys,
      Measures<T> measures,
      AggregateWindows windows,
      Duration allowedLateness,
      @Nullable Duration earlyFiringsEvery,
      boolean combineBeforeShuffle) {
    this.keys = keys;
    this.measures = measures;
    this.windows = windows;
    this.allowedLateness = windows.isAllTime() ? Duration.ZERO : allowedLateness;
    this.earlyFiringsEvery = earlyFiringsEvery;
    this.combineBeforeShuffle = combineBeforeShuffle;
  }

  /** {@code measures} per key over {@code windows}; no lateness, early panes every minute. */
  public static <T> Aggregate<T> of(
      KeyFields<T> keys, Measures<T> measures, AggregateWindows windows) {
    return new Aggregate<>(
        keys, measures, windows, Duration.ZERO, Duration.standardMinutes(1), true);
  }

  /**
   * How late a record may be and still count; ignored for all time, which has no end to be late
   * for.
   */
  public Aggregate<T> withAllowedLateness(Duration lateness) {
    return new Aggregate<>(
        keys, measures, windows, lateness, earlyFiringsEvery, combineBeforeShuffle);
  }

  public Aggregate<T> withEarlyFiringsEvery(Duration every) {
    return new Aggregate<>(keys, measures, windows, allowedLateness, every, combineBeforeShuffle);
  }

  /**
   * Only the final pane of each window, when the watermark passes its end plus the allowed
   * lateness.
   */
  public Aggregate<T> finalPanesOnly() {
    return new Aggregate<>(keys, measures, windows, allowedLateness, null, combineBeforeShuffle);
  }

  /**
   * Streaming: each record goes to its key's state on its own, not merged first with the records of
   * its bundle that share its key and window. For keys that rarely repeat within a bundle (an
   * account among 1,000 records), where the merge costs more than it saves. In batch the runners
   * combine before the shuffle as they see fit.
   */
  public Aggregate<T> withoutCombiningBeforeShuffle() {
    return new Aggregate<>(keys, measures, windows, allowedLateness, earlyFiringsEvery, false);
  }

  /** The schema of the results: key fields, window (unless all time), measures, isFinal. */
  public Schema resultSchema() {
    Schema.Builder schema = Schema.builder().addFields(keys.fields());
    if (!windows.isAllTime()) {
      schema.addField("windowStart", FieldType.DATETIME).addField("windowEnd", FieldType.DATETIME);
    }
    return schema.addFields(measures.fields()).addField("isFinal", FieldType.BOOLEAN).build();
  }

  @Override
  public PCollection<Row> expand(PCollection<T> input) {
    List<Accumulation> kinds = measures.kinds();
    ResultRows rows = new ResultRows(keys, measures, windows, resultSchema());
    PCollection<KV<String, Tally>> tallies =
        input
            .apply(
                "Key and measure",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(Tally.class)))
                    .via((T record) -> KV.of(keys.keyOf(record), measures.tallyOf(record))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), new TallyCoder(kinds)));
    if (input.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      return tallies
          .apply(
              "Panes per key and window",
              new AggregateInKeyedState(
                  windows, kinds, rows, allowedLateness, earlyFiringsEvery, combineBeforeShuffle))
          .setRowSchema(rows.schema);
    }
    return tallies
        .apply(
            "Windows of " + windows,
            Window.<KV<String, Tally>>into(windows.windowFn())
                // One pane, final, when the window closes (FIRE_ALWAYS): no early panes, which
                // would depend on how fast the machine reads (a processing-time trigger fires in
                // a slow batch run).
                .triggering(Never.ever())
                .withAllowedLateness(allowedLateness, Window.ClosingBehavior.FIRE_ALWAYS)
                .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
                .accumulatingFiredPanes())
        .apply("Measures per key", Combine.perKey(new TallyCombineFn(kinds)))
        .apply("To results", ParDo.of(new ToResultFn(rows)))
        .setRowSchema(rows.schema);
  }

  /** Makes the result rows: one per key, window and pane. */
  static final class ResultRows implements java.io.Serializable {
    private final KeyFields<?> keys;
    private final Measures<?> measures;
    private final AggregateWindows windows;
    final Schema schema;

    ResultRows(KeyFields<?> keys, Measures<?> measures, AggregateWindows windows, Schema schema) {
      this.keys = keys;
      this.measures = measures;
      this.windows = windows;
      this.schema = schema;
    }

    Row row(String key, Instant windowStart, Tally tally, boolean isFinal) {
      List<Object> values = new ArrayList<>(schema.getFieldCount());
      keys.addParts(key, values);
      if (!windows.isAllTime()) {
        values.add(windowStart);
        values.add(windows.endOf(windowStart));
      }
      measures.addOutputs(tally, values);
      values.add(isFinal);
      return Row.withSchema(schema).attachValues(values);
    }
  }

  /** The Beam combiner of tallies, with {@link TallyCoder} for its accumulator. */
  private static class TallyCombineFn extends Combine.CombineFn<Tally, Tally, Tally> {
    private final List<Accumulation> kinds;

    TallyCombineFn(List<Accumulation> kinds) {
      this.kinds = kinds;
    }

    @Override
    public Tally createAccumulator() {
      return Tally.identity(kinds);
    }

    @Override
    public Tally addInput(Tally tally, Tally more) {
      return tally.plus(more, kinds);
    }

    @Override
    public Tally mergeAccumulators(Iterable<Tally> tallies) {
      Tally merged = createAccumulator();
      for (Tally tally : tallies) {
        merged = merged.plus(tally, kinds);
      }
      return merged;
    }

    @Override
    public Tally extractOutput(Tally tally) {
      return tally;
    }

    @Override
    public Coder<Tally> getAccumulatorCoder(CoderRegistry registry, Coder<Tally> inputCoder) {
      return new TallyCoder(kinds);
    }

    @Override
    public Coder<Tally> getDefaultOutputCoder(CoderRegistry registry, Coder<Tally> inputCoder) {
      return new TallyCoder(kinds);
    }
  }

  private static class ToResultFn extends DoFn<KV<String, Tally>, Row> {
    private final ResultRows rows;

    ToResultFn(ResultRows rows) {
      this.rows = rows;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Tally> keyed,
        BoundedWindow window,
        PaneInfo pane,
        OutputReceiver<Row> out) {
      Tally tally = keyed.getValue();
      if (tally.count() == 0) {
        // A pane with no records is not a result. The Flink runner can fire one, for early-firing
        // timers of windows already closed, when a stream ends.
        return;
      }
      Instant start =
          window instanceof IntervalWindow interval
              ? interval.start()
              : BoundedWindow.TIMESTAMP_MIN_VALUE;
      out.output(rows.row(keyed.getKey(), start, tally, pane.isLast()));
    }
  }
}
