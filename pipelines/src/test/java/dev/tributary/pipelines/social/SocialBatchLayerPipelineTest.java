package dev.tributary.pipelines.social;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tributary.options.social.SocialBatchLayerOptions;
import dev.tributary.testdata.social.SocialHistoryGenerator;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.social.HistoryRange;
import dev.tributary.transforms.social.SocialModel;
import dev.tributary.transforms.social.SocialOutputs;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/**
 * The batch layer over the committed sample, on whichever runner the build selects: every view
 * equals the model over the same files, and the dead letters are exactly the generator's malformed
 * lines; with --from and --to, only those hours are read.
 */
public class SocialBatchLayerPipelineTest implements Serializable {
  private static final Path SAMPLE =
      Path.of("..", "test-data", "social", "sample").toAbsolutePath().normalize();

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** The sample's records in the files {@code range} keeps, as the pipeline reads them. */
  private static List<RawRecord> sample(HistoryRange range) throws IOException {
    List<RawRecord> raw = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        if (range.apply(file.toString())) {
          raw.addAll(RawRecord.ofLines(file.toString(), Files.readAllLines(file)));
        }
      }
    }
    return raw;
  }

  private SocialOutputs build(String from, String to) {
    SocialBatchLayerOptions options = pipeline.getOptions().as(SocialBatchLayerOptions.class);
    options.setHistory(SAMPLE.toString());
    options.setFrom(from);
    options.setTo(to);
    options.setTopPosts(5);
    options.setOutput(
        Path.of("target", "social-batch-test-" + (from == null ? "all" : "range")).toString());
    return SocialBatchLayerPipeline.buildPipeline(pipeline, options);
  }

  @Test
  public void theSampleGivesTheModelsViewsAndDeadLetters() throws IOException {
    SocialModel.Result expected = new SocialModel(5).run(sample(HistoryRange.between(null, null)));
    SocialOutputs outputs = build(null, null);
    expected
        .views()
        .forEach(
            (name, rows) -> PAssert.that(name, outputs.views().get(name)).containsInAnyOrder(rows));
    PAssert.that(outputs.deadLetters()).containsInAnyOrder(expected.deadLetters());
    pipeline.run().waitUntilFinish();

    Set<String> labelled =
        SocialHistoryGenerator.readGroundTruth(
                SAMPLE.resolve(SocialHistoryGenerator.GROUND_TRUTH_FILE))
            .stream()
            .map(l -> SAMPLE.resolve(l.file()) + ":" + l.line())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(
        expected.deadLetters().stream()
            .map((DeadLetter d) -> d.source)
            .collect(Collectors.toCollection(TreeSet::new)),
        equalTo(labelled));
  }

  @Test
  public void fromAndToReadOnlyThoseHours() throws IOException {
    HistoryRange range =
        HistoryRange.between(
            Instant.parse("2025-11-01T12:00:00Z"), Instant.parse("2025-11-02T06:00:00Z"));
    SocialModel.Result expected = new SocialModel(5).run(sample(range));
    SocialOutputs outputs = build("2025-11-01T12:00:00Z", "2025-11-02T06:00:00Z");
    expected
        .views()
        .forEach(
            (name, rows) -> PAssert.that(name, outputs.views().get(name)).containsInAnyOrder(rows));
    PAssert.that(
            outputs
                .activity()
                .apply(MapElements.into(TypeDescriptors.longs()).via(a -> a.timestamp.getMillis())))
        .satisfies(
            times -> {
              for (long t : times) {
                // A comment on a post from before the range has no post here; every record read is
                // from inside it.
                assertThat(t >= Instant.parse("2025-11-01T12:00:00Z").getMillis(), equalTo(true));
                assertThat(t < Instant.parse("2025-11-02T06:00:00Z").getMillis(), equalTo(true));
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
