package dev.tributary.transforms;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reference data (accounts, say) as a map side input for {@link Enrich}, like {@code View.asMap()},
 * but gathered into one map before it becomes a view. Its keys must be unique: parse reference data
 * with {@link Parse#withUniqueIds}, which keeps the first occurrence of a key and makes the others
 * dead letters; a key given twice here anyway fails the job, as with {@code View.asMap()}, since it
 * is a bug in the pipeline, not bad input.
 *
 * <p>Why not {@code View.asMap()}: in streaming, Beam's Flink runner builds every view by combining
 * all its elements into one list held in keyed state, one element at a time. The heap state backend
 * adds to that list in place, but a backend that stores values serialized (RocksDB) or logs every
 * change (the changelog backend, for incremental checkpoints) rewrites the whole list for each
 * element, which is quadratic: 12,500 accounts logged 2.9 GB, and 112,500 never finished. Here the
 * records are grouped under one key, which appends each to a bag, and the view is built from the
 * single map that comes out.
 */
public class ReferenceMap<V>
    extends PTransform<PCollection<KV<String, V>>, PCollectionView<Map<String, V>>> {
  private ReferenceMap() {}

  public static <V> ReferenceMap<V> of() {
    return new ReferenceMap<>();
  }

  @Override
  public PCollectionView<Map<String, V>> expand(PCollection<KV<String, V>> entries) {
    Coder<V> valueCoder = ((KvCoder<String, V>) entries.getCoder()).getValueCoder();
    Coder<Map<String, V>> mapCoder = MapCoder.of(StringUtf8Coder.of(), valueCoder);
    return entries
        .apply(
            "Under one key",
            WithKeys.<Void, KV<String, V>>of((Void) null).withKeyType(TypeDescriptors.voids()))
        .apply("All together", GroupByKey.create())
        .apply("Into one map", ParDo.of(new IntoOneMapFn<V>()))
        .setCoder(mapCoder)
        .apply("As side input", View.<Map<String, V>>asSingleton().withDefaultValue(Map.of()));
  }

  private static class IntoOneMapFn<V>
      extends DoFn<KV<Void, Iterable<KV<String, V>>>, Map<String, V>> {
    @ProcessElement
    public void process(
        @Element KV<Void, Iterable<KV<String, V>>> all, OutputReceiver<Map<String, V>> out) {
      Map<String, V> map = new HashMap<>();
      for (KV<String, V> entry : all.getValue()) {
        if (map.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
          throw new IllegalArgumentException(
              "Reference data gives key "
                  + entry.getKey()
                  + " twice: parse it with Parse.withUniqueIds, which keeps the first");
        }
      }
      out.output(map);
    }
  }
}
