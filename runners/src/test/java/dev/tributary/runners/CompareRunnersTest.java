package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.testdata.BankingGenerator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample on all three runners: every output identical, alerts as many as the ground truth. */
class CompareRunnersTest {
  private static final Path SAMPLE = Path.of("..", "test-data", "banking", "sample").toAbsolutePath().normalize();

  @Test
  void directFlinkAndSparkWriteTheSameRecords(@TempDir Path output) {
    List<CompareRunners.RunnerRun> runs =
        CompareRunners.run(
            SAMPLE.resolve(BankingGenerator.TRANSACTIONS_FILE).toString(),
            SAMPLE.resolve(BankingGenerator.ACCOUNTS_FILE).toString(),
            output,
            List.of("direct", "flink", "spark"));
    CompareRunners.print(runs);

    assertEquals(List.of(), CompareRunners.differences(runs));
    int truth = BankingGenerator.readGroundTruth(SAMPLE.resolve(BankingGenerator.GROUND_TRUTH_FILE)).size();
    for (CompareRunners.RunnerRun run : runs) {
      assertEquals(truth, run.records().get("alerts").size(), run.runner());
      assertEquals(truth, run.summary().alerts(), run.runner());
      assertEquals(run.summary().read(), run.summary().parsed() + run.summary().deadLetters(), run.runner());
    }
  }
}
