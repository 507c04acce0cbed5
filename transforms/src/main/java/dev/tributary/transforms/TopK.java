package dev.tributary.transforms;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;

/**
 * The k keys with the largest values per group and window, ties broken by the smaller key, as rows:
 * the group field (per group only), {@code windowStart} and {@code windowEnd} (exclusive; not in
 * the global window), {@code rank} (1 = largest), the key, the value and {@code isFinal}. {@link
 * #of} ranks all keys of a window ({@code KV<key, value>} in); {@link #perGroup} ranks within each
 * group ({@code KV<group, KV<key, value>>} in). The input holds one value per key per window, e.g.
 * the final panes of an {@link Aggregate}.
 *
 * <p>In streaming those values may arrive after the window's end (an upstream final pane comes when
 * its allowed lateness is over), so the ranking fires when the watermark passes the end, again as
 * each later value arrives, and once more, final ({@code isFinal}), when the input's allowed
 * lateness is over. Panes accumulate. In batch there is one pane, and it is final. With {@link
 * #withEarlyFiringsEvery}, streaming also ranks before the window ends.
 */
public class TopK<InputT> extends PTransform<PCollection<InputT>, PCollection<Row>> {
  private final int k;
  private final boolean perGroup;
  private final String groupField;
  private final String keyField;
  private final String valueField;
  private final @Nullable Duration earlyFiringsEvery;

  private TopK(
      int k,
      boolean perGroup,
      String groupField,
      String keyField,
      String valueField,
      @Nullable Duration earlyFiringsEvery) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    this.k = k;
    this.perGroup = perGroup;
    this.groupField = groupField;
    this.keyField = keyField;
    this.valueField = valueField;
    this.earlyFiringsEvery = earlyFiringsEvery;
  }

  /** The k largest of each window, over all keys. */
  public static TopK<KV<String, BigDecimal>> of(int k) {
    return new TopK<>(k, false, "group", "key", "value", null);
  }

  /** The k largest of each group in each window. */
  public static TopK<KV<String, KV<String, BigDecimal>>> perGroup(int k) {
    return new TopK<>(k, true, "group", "key", "value", null);
  }

  /**
   * Names the result's group, key and value fields (default {@code group}, {@code key}, {@code
   * value}).
   */
  public TopK<InputT> withFieldNames(String group, String key, String value) {
    return new TopK<>(k, perGroup, group, key, value, earlyFiringsEvery);
  }

  /**
   * Streaming: also ranks before the window ends, {@code every} after the first value of a pane
   * (null: never). A bounded input is ranked once per window, as before.
   */
  public TopK<InputT> withEarlyFiringsEvery(@Nullable Duration every) {
    return new TopK<>(k, perGroup, groupField, keyField, valueField, every);
  }

  /** The schema of the results, for input in {@code windowFn}'s windows. */
  public Schema resultSchema(WindowFn<?, ?> windowFn) {
    Schema.Builder schema = Schema.builder();
    if (perGroup) {
      schema.addStringField(groupField);
    }
    if (!(windowFn instanceof GlobalWindows)) {
      schema.addDateTimeField("windowStart").addDateTimeField("windowEnd");
    }
    return schema
        .addInt32Field("rank")
        .addStringField(keyField)
        .addDecimalField(valueField)
        .addBooleanField("isFinal")
        .build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public PCollection<Row> expand(PCollection<InputT> input) {
    Schema schema = resultSchema(input.getWindowingStrategy().getWindowFn());
    PCollection<KV<String, KV<String, BigDecimal>>> grouped;
    if (perGroup) {
      grouped = (PCollection<KV<String, KV<String, BigDecimal>>>) input;
    } else {
      grouped =
          ((PCollection<KV<String, BigDecimal>>) input)
              .apply("One group", WithKeys.of(""))
              .setCoder(
                  KvCoder.of(
                      StringUtf8Coder.of(), (Coder<KV<String, BigDecimal>>) input.getCoder()));
    }
    return grouped
        .apply(
            "Rank when complete",
            Window.<KV<String, KV<String, BigDecimal>>>configure()
                .triggering(trigger(input.isBounded()))
                .withAllowedLateness(
                    input.getWindowingStrategy().getAllowedLateness(),
                    Window.ClosingBehavior.FIRE_ALWAYS)
                .accumulatingFiredPanes())
        .apply("Top " + k, Combine.perKey(new TopCombineFn(k)))
        .apply("Rank", ParDo.of(new RankFn(schema, perGroup)))
        .setRowSchema(schema);
  }

  private Trigger trigger(PCollection.IsBounded bounded) {
    AfterWatermark.AfterWatermarkEarlyAndLate trigger =
        AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1));
    if (earlyFiringsEvery == null || bounded == PCollection.IsBounded.BOUNDED) {
      return trigger;
    }
    return trigger.withEarlyFirings(
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiringsEvery));
  }

  /**
   * Orders so that "greater" means "ranks higher": the larger value, and on a tie the smaller key.
   */
  static class LargerValueThenSmallerKey
      implements Comparator<KV<String, BigDecimal>>, Serializable {
    @Override
    public int compare(KV<String, BigDecimal> a, KV<String, BigDecimal> b) {
      int byValue = a.getValue().compareTo(b.getValue());
      return byValue != 0 ? byValue : b.getKey().compareTo(a.getKey());
    }
  }

  /**
   * Keeps the k highest-ranking entries, highest first. Its accumulator is never changed in place,
   * only replaced (unlike Beam's {@code Top}): Flink with {@code --fasterCopy} may be writing the
   * stored accumulator to a checkpoint at the same time.
   */
  static class TopCombineFn
      extends Combine.CombineFn<
          KV<String, BigDecimal>, List<KV<String, BigDecimal>>, List<KV<String, BigDecimal>>> {
    private static final Comparator<KV<String, BigDecimal>> HIGHEST_FIRST =
        new LargerValueThenSmallerKey().reversed();
    private final int k;

    TopCombineFn(int k) {
      this.k = k;
    }

    @Override
    public List<KV<String, BigDecimal>> createAccumulator() {
      return List.of();
    }

    @Override
    public List<KV<String, BigDecimal>> addInput(
        List<KV<String, BigDecimal>> top, KV<String, BigDecimal> entry) {
      int at = Collections.binarySearch(top, entry, HIGHEST_FIRST);
      int index = at < 0 ? -at - 1 : at;
      if (index >= k) {
        return top;
      }
      List<KV<String, BigDecimal>> next = new ArrayList<>(Math.min(top.size() + 1, k));
      next.addAll(top.subList(0, index));
      next.add(entry);
      next.addAll(top.subList(index, Math.min(top.size(), k - 1)));
      return next;
    }

    @Override
    public List<KV<String, BigDecimal>> mergeAccumulators(
        Iterable<List<KV<String, BigDecimal>>> accumulators) {
      List<KV<String, BigDecimal>> all = new ArrayList<>();
      accumulators.forEach(all::addAll);
      all.sort(HIGHEST_FIRST);
      return new ArrayList<>(all.subList(0, Math.min(all.size(), k)));
    }

    @Override
    public List<KV<String, BigDecimal>> extractOutput(List<KV<String, BigDecimal>> top) {
      return top;
    }

    @Override
    public Coder<List<KV<String, BigDecimal>>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<String, BigDecimal>> inputCoder) {
      return ListCoder.of(inputCoder);
    }

    @Override
    public Coder<List<KV<String, BigDecimal>>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<KV<String, BigDecimal>> inputCoder) {
      return ListCoder.of(inputCoder);
    }
  }

  private static class RankFn extends DoFn<KV<String, List<KV<String, BigDecimal>>>, Row> {
    private final Schema schema;
    private final boolean perGroup;

    RankFn(Schema schema, boolean perGroup) {
      this.schema = schema;
      this.perGroup = perGroup;
    }

    @ProcessElement
    public void process(
        @Element KV<String, List<KV<String, BigDecimal>>> group,
        BoundedWindow window,
        PaneInfo pane,
        OutputReceiver<Row> out) {
      List<KV<String, BigDecimal>> top = group.getValue();
      for (int i = 0; i < top.size(); i++) {
        List<Object> values = new ArrayList<>(schema.getFieldCount());
        if (perGroup) {
          values.add(group.getKey());
        }
        if (window instanceof IntervalWindow interval) {
          values.add(interval.start());
          values.add(interval.end());
        }
        values.add(i + 1);
        values.add(top.get(i).getKey());
        values.add(top.get(i).getValue());
        values.add(pane.isLast());
        out.output(Row.withSchema(schema).attachValues(values));
      }
    }
  }
}
