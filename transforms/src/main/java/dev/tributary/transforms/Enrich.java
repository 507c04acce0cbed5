package dev.tributary.transforms;

import java.util.Map;
import javax.annotation.Nullable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Joins each record with reference data by key, the reference given as a map side input (built with
 * {@link ReferenceMap} or {@code View.asMap()}, e.g. from a file). A record with no match is kept
 * and joined with {@code null}, never dropped. Counted as {@code <name>.matched} and {@code
 * <name>.unmatched}.
 *
 * @param <T> the records
 * @param <R> the reference data
 * @param <E> the enriched records
 */
public class Enrich<T, R, E> extends PTransform<PCollection<T>, PCollection<E>> {
  private final String referenceName;
  private final PCollectionView<Map<String, R>> reference;
  private final SerializableFunction<T, String> keyOf;
  private final SerializableBiFunction<T, R, E> join;
  private final TypeDescriptor<E> type;

  private Enrich(
      String referenceName,
      PCollectionView<Map<String, R>> reference,
      SerializableFunction<T, String> keyOf,
      SerializableBiFunction<T, R, E> join,
      TypeDescriptor<E> type) {
    this.referenceName = referenceName;
    this.reference = reference;
    this.keyOf = keyOf;
    this.join = join;
    this.type = type;
  }

  /**
   * Enriches with {@code reference} (called {@code referenceName} in metrics), looking up each
   * record by {@code keyOf} and combining the two with {@code join}, whose second argument is null
   * when the reference has no such key.
   */
  public static <T, R, E> Enrich<T, R, E> with(
      String referenceName,
      PCollectionView<Map<String, R>> reference,
      SerializableFunction<T, String> keyOf,
      SerializableBiFunction<T, R, E> join,
      TypeDescriptor<E> type) {
    return new Enrich<>(referenceName, reference, keyOf, join, type);
  }

  @Override
  public PCollection<E> expand(PCollection<T> input) {
    return input
        .apply(
            "Join with " + referenceName,
            ParDo.of(
                    new JoinFn<>(
                        referenceName, reference, keyOf, join, isFinalOnceReady(reference)))
                .withSideInputs(reference))
        .setTypeDescriptor(type);
  }

  /**
   * Whether the reference, once a runner makes it available, never changes: bounded (e.g. read from
   * a file) and with the default trigger, so each window has exactly one pane.
   */
  private static boolean isFinalOnceReady(PCollectionView<?> view) {
    PCollection<?> source = view.getPCollection();
    return source != null
        && source.isBounded() == PCollection.IsBounded.BOUNDED
        && view.getWindowingStrategyInternal().getTrigger() instanceof DefaultTrigger;
  }

  private static class JoinFn<T, R, E> extends DoFn<T, E> {
    private final PCollectionView<Map<String, R>> reference;
    private final SerializableFunction<T, String> keyOf;
    private final SerializableBiFunction<T, R, E> join;
    private final Counter matched;
    private final Counter unmatched;
    private final boolean referenceIsFinal;

    JoinFn(
        String referenceName,
        PCollectionView<Map<String, R>> reference,
        SerializableFunction<T, String> keyOf,
        SerializableBiFunction<T, R, E> join,
        boolean referenceIsFinal) {
      this.reference = reference;
      this.keyOf = keyOf;
      this.join = join;
      this.matched = Metrics.counter(TributaryMetrics.NAMESPACE, referenceName + ".matched");
      this.unmatched = Metrics.counter(TributaryMetrics.NAMESPACE, referenceName + ".unmatched");
      this.referenceIsFinal = referenceIsFinal;
    }

    /**
     * The reference map, read once per window, and again in each bundle unless the reference is
     * final once ready. Some runners (Flink's, in streaming) rebuild the whole map on every
     * sideInput() call: per element, that cost grows with the reference data and stalled the
     * streaming job; per bundle it was still 16% of the job's CPU.
     */
    private transient @Nullable Map<String, R> cached;

    private transient @Nullable BoundedWindow cachedWindow;

    @StartBundle
    public void startBundle() {
      if (!referenceIsFinal) {
        cached = null;
        cachedWindow = null;
      }
    }

    @ProcessElement
    public void process(@Element T record, BoundedWindow window, ProcessContext context) {
      if (cached == null || !window.equals(cachedWindow)) {
        cached = context.sideInput(reference);
        cachedWindow = window;
      }
      @Nullable R match = cached.get(keyOf.apply(record));
      (match == null ? unmatched : matched).inc();
      context.output(join.apply(record, match));
    }
  }
}
