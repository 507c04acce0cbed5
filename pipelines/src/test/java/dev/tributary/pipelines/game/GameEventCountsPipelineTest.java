package dev.tributary.pipelines.game;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tributary.io.WriteParquetPartitioned;
import dev.tributary.options.game.GameEventCountsOptions;
import dev.tributary.testdata.game.GameEventGenerator;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.game.GameModel;
import dev.tributary.transforms.game.LandedGameEvent;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The batch counts on whichever runner the build selects: from the committed sample's JSON lines
 * (every view equals the model, the dead letters are exactly the generator's malformed lines) and
 * from landed Parquet (the same counts, read back through the warehouse's column names).
 */
public class GameEventCountsPipelineTest implements Serializable {
  private static final Path SAMPLE = Path.of("..", "test-data", "game", "sample");

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TestPipeline writer = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  private static Path sampleEvents() {
    return SAMPLE.resolve(GameEventGenerator.EVENTS_FILE).toAbsolutePath().normalize();
  }

  private static GameModel.Result model() throws IOException {
    Path events = sampleEvents();
    return new GameModel().run(RawRecord.ofLines(events.toString(), Files.readAllLines(events)));
  }

  @Test
  public void sampleGivesTheModelsCountsAndDeadLetters() throws IOException {
    GameModel.Result expected = model();
    Path output = folder.newFolder("out").toPath();
    GameEventCountsOptions options = pipeline.getOptions().as(GameEventCountsOptions.class);
    options.setEvents(sampleEvents().toString());
    options.setOutput(output.toString());
    Map<String, PCollection<Row>> views = GameEventCountsPipeline.buildPipeline(pipeline, options);
    expected
        .views()
        .forEach((name, rows) -> PAssert.that(name, views.get(name)).containsInAnyOrder(rows));
    pipeline.run().waitUntilFinish();

    long labelled =
        GameEventGenerator.readGroundTruth(SAMPLE.resolve(GameEventGenerator.GROUND_TRUTH_FILE))
            .size();
    assertThat(lines(output.resolve(GameEventCountsPipeline.DEAD_LETTERS)), equalTo(labelled));
    assertThat((long) expected.deadLetters().size(), equalTo(labelled));
  }

  @Test
  public void landedParquetGivesTheSameCounts() throws IOException {
    GameModel.Result expected = model();
    Path warehouse = folder.newFolder("extracted_events").toPath();
    writer
        .apply("Events", Create.of(expected.events().stream().map(LandedGameEvent::of).toList()))
        .apply(
            "Land",
            WriteParquetPartitioned.to(warehouse.toString(), (LandedGameEvent e) -> e.timestamp));
    writer.run().waitUntilFinish();

    GameEventCountsOptions options = pipeline.getOptions().as(GameEventCountsOptions.class);
    options.setLandedEvents(warehouse.toString());
    options.setOutput(folder.newFolder("counts").toString());
    Map<String, PCollection<Row>> views = GameEventCountsPipeline.buildPipeline(pipeline, options);
    expected
        .views()
        .forEach((name, rows) -> PAssert.that(name, views.get(name)).containsInAnyOrder(rows));
    pipeline.run().waitUntilFinish();
  }

  @Test(expected = IllegalArgumentException.class)
  public void needsExactlyOneInput() {
    GameEventCountsOptions options = pipeline.getOptions().as(GameEventCountsOptions.class);
    options.setOutput("unused");
    pipeline.enableAbandonedNodeEnforcement(false);
    GameEventCountsPipeline.buildPipeline(pipeline, options);
  }

  private static long lines(Path dir) throws IOException {
    long count = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        count += Files.readAllLines(file).size();
      }
    }
    return count;
  }
}
