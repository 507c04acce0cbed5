package dev.tributary.transforms;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The k keys with the largest values in each window, ties broken by the smaller key. The input
 * holds one value per key per window, e.g. the final panes of an {@link Aggregate}.
 *
 * <p>In streaming those values may arrive after the window's end (an upstream final pane comes
 * when its allowed lateness is over), so the ranking fires when the watermark passes the end, again
 * as each later value arrives, and once more, final ({@link TopKEntry#isFinal}), when the input's
 * allowed lateness is over. Panes accumulate. In batch there is one pane, and it is final.
 */
public class TopK extends PTransform<PCollection<KV<String, BigDecimal>>, PCollection<TopKEntry>> {
  private final int k;

  private TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    this.k = k;
  }

  public static TopK of(int k) {
    return new TopK(k);
  }

  @Override
  public PCollection<TopKEntry> expand(PCollection<KV<String, BigDecimal>> values) {
    return values
        .apply(
            "Rank when complete",
            Window.<KV<String, BigDecimal>>configure()
                .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
                .withAllowedLateness(
                    values.getWindowingStrategy().getAllowedLateness(), Window.ClosingBehavior.FIRE_ALWAYS)
                .accumulatingFiredPanes())
        .apply("Top " + k, Combine.globally(new TopCombineFn(k)).withoutDefaults())
        .apply("Rank", ParDo.of(new RankFn()))
        .setTypeDescriptor(TypeDescriptor.of(TopKEntry.class));
  }

  /** Orders so that "greater" means "ranks higher": the larger value, and on a tie the smaller key. */
  static class LargerValueThenSmallerKey implements Comparator<KV<String, BigDecimal>>, Serializable {
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
      extends Combine.CombineFn<KV<String, BigDecimal>, List<KV<String, BigDecimal>>, List<KV<String, BigDecimal>>> {
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
    public List<KV<String, BigDecimal>> addInput(List<KV<String, BigDecimal>> top, KV<String, BigDecimal> entry) {
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
    public List<KV<String, BigDecimal>> mergeAccumulators(Iterable<List<KV<String, BigDecimal>>> accumulators) {
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

  private static class RankFn extends DoFn<List<KV<String, BigDecimal>>, TopKEntry> {
    @ProcessElement
    public void process(
        @Element List<KV<String, BigDecimal>> top, IntervalWindow window, PaneInfo pane, OutputReceiver<TopKEntry> out) {
      for (int i = 0; i < top.size(); i++) {
        out.output(new TopKEntry(window.start(), window.end(), i + 1, top.get(i).getKey(), top.get(i).getValue(), pane.isLast()));
      }
    }
  }
}
