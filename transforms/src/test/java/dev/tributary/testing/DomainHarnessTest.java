package dev.tributary.testing;

import static org.junit.Assert.assertEquals;

import dev.tributary.transforms.RawRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.UsesTestStream;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * The shared harness: every registered {@link DomainCase}'s analysis, fed its events once bounded
 * and once as an out-of-order, partly late stream, must give exactly what its plain-Java model
 * gives, output by output (the final panes of windowed outputs). Batch equals streaming equals the
 * model, for every domain.
 */
@RunWith(Parameterized.class)
public class DomainHarnessTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Parameterized.Parameter public DomainCase domain;

  @Parameterized.Parameters(name = "{0}")
  public static List<DomainCase> domains() {
    List<DomainCase> cases = new ArrayList<>();
    ServiceLoader.load(DomainCase.class).forEach(cases::add);
    if (cases.isEmpty()) {
      throw new IllegalStateException("no DomainCase is registered in META-INF/services");
    }
    return cases;
  }

  @Test
  public void batchMatchesTheModel() {
    runAndCompare(EventFeed.Mode.BATCH);
  }

  @Test
  @Category(UsesTestStream.class)
  public void streamingMatchesTheModel() {
    runAndCompare(EventFeed.Mode.STREAMING);
  }

  @SuppressWarnings("unchecked")
  private void runAndCompare(EventFeed.Mode mode) {
    PCollection<RawRecord> events =
        EventFeed.feed(pipeline, "Events", domain.events(), mode, domain.allowedLateness());
    Map<String, PCollection<?>> outputs = domain.apply(pipeline, events);
    Map<String, List<?>> model = domain.model();
    assertEquals(
        "every output has a model", new TreeSet<>(model.keySet()), new TreeSet<>(outputs.keySet()));
    outputs.forEach(
        (name, output) -> {
          PCollection<Object> compared = (PCollection<Object>) finalPanes(name, output);
          PAssert.that(name, compared).containsInAnyOrder((Iterable<Object>) model.get(name));
        });
    pipeline.run();
  }

  /** For rows with an {@code isFinal} field, the final panes; every record otherwise. */
  @SuppressWarnings("unchecked")
  private static PCollection<?> finalPanes(String name, PCollection<?> output) {
    boolean rows =
        output.getTypeDescriptor() != null
            && Row.class.equals(output.getTypeDescriptor().getRawType());
    if (!rows || !output.getSchema().hasField("isFinal")) {
      return output;
    }
    return ((PCollection<Row>) output)
        .apply("Final " + name, Filter.by((Row r) -> r.getBoolean("isFinal")));
  }
}
