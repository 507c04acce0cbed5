package dev.tributary.transforms;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
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
        .apply("Top " + k, Top.of(k, new LargerValueThenSmallerKey()).withoutDefaults())
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
