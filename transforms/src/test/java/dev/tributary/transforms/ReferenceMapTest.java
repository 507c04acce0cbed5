package dev.tributary.transforms;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.Rule;
import org.junit.Test;

/** ReferenceMap: every entry in one map side input; none gives an empty map; a key twice fails. */
public class ReferenceMapTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void givesEveryEntryInOneMap() {
    PCollectionView<Map<String, Integer>> view =
        pipeline
            .apply("Entries", Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("c", 3)))
            .apply(ReferenceMap.of());
    PAssert.that(readOnce(view)).containsInAnyOrder("{a=1, b=2, c=3}");
    pipeline.run();
  }

  @Test
  public void noEntriesGiveAnEmptyMap() {
    PCollectionView<Map<String, Integer>> view =
        pipeline
            .apply("No entries", Create.empty(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
            .apply(ReferenceMap.of());
    PAssert.that(readOnce(view)).containsInAnyOrder("{}");
    pipeline.run();
  }

  @Test
  public void aKeyGivenTwiceFailsAndNamesTheKey() {
    PCollectionView<Map<String, Integer>> view =
        pipeline
            .apply("Entries", Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3)))
            .apply(ReferenceMap.of());
    readOnce(view);
    PipelineExecutionException failure =
        assertThrows(PipelineExecutionException.class, pipeline::run);
    assertTrue(failure.getMessage(), failure.getMessage().contains("key a twice"));
  }

  /** The view's map, read by one element, as sorted text. */
  private PCollection<String> readOnce(PCollectionView<Map<String, Integer>> view) {
    return pipeline
        .apply("One reader", Create.of("reader"))
        .apply("Read the map", ParDo.of(new ReadMapFn(view)).withSideInputs(view));
  }

  private static class ReadMapFn extends DoFn<String, String> {
    private final PCollectionView<Map<String, Integer>> view;

    ReadMapFn(PCollectionView<Map<String, Integer>> view) {
      this.view = view;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      context.output(new TreeMap<>(context.sideInput(view)).toString());
    }
  }
}
