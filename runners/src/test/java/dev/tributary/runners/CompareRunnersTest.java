package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tributary.pipelines.Domain;
import dev.tributary.pipelines.Domains;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered domain's batch pipeline over its committed sample on all three runners: every
 * output identical, and records read = parsed + dead letters on each.
 */
class CompareRunnersTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @Test
  void directFlinkAndSparkWriteTheSameRecords(@TempDir Path output) {
    List<Domain> domains = Domains.all();
    assertFalse(domains.isEmpty(), "no domain is registered");
    for (Domain domain : domains) {
      List<CompareRunners.RunnerRun> runs =
          CompareRunners.run(
              domain,
              domain.sampleArgs(REPOSITORY),
              output.resolve(domain.name()),
              List.of("direct", "flink", "spark"));
      CompareRunners.print(domain, runs);

      assertEquals(List.of(), CompareRunners.differences(domain, runs));
      for (CompareRunners.RunnerRun run : runs) {
        var counts = run.summary().counts();
        assertEquals(
            counts.get("read"),
            counts.get("parsed") + counts.get("dead"),
            domain.name() + " on " + run.runner());
      }
    }
  }
}
