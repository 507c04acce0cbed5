package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher lists templates, refuses bad parameters with exit code 2 before building anything,
 * and runs good ones.
 */
class LauncherTest {
  private static final Path SAMPLE =
      Path.of("..", "test-data", "banking", "sample").toAbsolutePath().normalize();

  private record Outcome(int code, String out, String err) {}

  private static Outcome launch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Launcher.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listShowsEveryPipeline() {
    Outcome listed = launch("list");
    assertEquals(0, listed.code());
    assertTrue(listed.out().contains("Banking_Fraud_Detection_Batch"), listed.out());
    assertTrue(listed.out().contains("Banking_Fraud_Detection_Streaming"), listed.out());
  }

  @Test
  void refusesAMissingRequiredParameterByName() {
    Outcome refused =
        launch("run", "Banking_Fraud_Detection_Batch", "--parameters", "input=a.jsonl,output=out");
    assertEquals(2, refused.code());
    assertTrue(
        refused.err().contains("missing required parameter 'accounts' (Account reference data)"),
        refused.err());
  }

  @Test
  void refusesAValueThatFailsItsPatternOrType() {
    Outcome refused =
        launch(
            "run",
            "Banking_Fraud_Detection_Batch",
            "--parameters",
            "input=a.jsonl,accounts=b.jsonl,output=out,largeAmountThreshold=5000.001,velocityWindow=5min");
    assertEquals(2, refused.code());
    assertTrue(
        refused
            .err()
            .contains(
                "parameter 'largeAmountThreshold' must match [0-9]+(\\.[0-9]{1,2})?, got '5000.001'"),
        refused.err());
    assertTrue(
        refused
            .err()
            .contains(
                "parameter 'velocityWindow' must be an ISO-8601 duration such as PT5M, got '5min'"),
        refused.err());
  }

  @Test
  void refusesAnUnknownParameterAndAnUnknownTemplate() {
    Outcome unknownParameter =
        launch(
            "run",
            "Banking_Fraud_Detection_Batch",
            "--parameters",
            "input=a,accounts=b,output=c,treshold=1");
    assertEquals(2, unknownParameter.code());
    assertTrue(
        unknownParameter.err().contains("unknown parameter 'treshold'"), unknownParameter.err());
    assertEquals(2, launch("run", "No_Such_Template").code());
  }

  @Test
  void runsFromASpecFile(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("launch.json");
    Files.writeString(
        spec,
        "{\"template\": \"Banking_Fraud_Detection_Batch\", \"parameters\": {"
            + "\"input\": \""
            + SAMPLE.resolve("transactions.jsonl")
            + "\", \"accounts\": \""
            + SAMPLE.resolve("accounts.jsonl")
            + "\","
            + "\"output\": \""
            + dir.resolve("out")
            + "\", \"topK\": \"3\"},"
            + "\"environment\": {\"runner\": \"FlinkRunner\", \"flinkMaster\": \"[local]\", \"parallelism\": \"2\"}}");
    Outcome ran = launch("run", "--spec", spec.toString());
    assertEquals(0, ran.code(), ran.err());
    try (var files = Files.list(dir.resolve("out").resolve("top-accounts-daily"))) {
      long lines = 0;
      for (Path f : files.toList()) {
        lines += Files.readAllLines(f).size();
      }
      assertEquals(6, lines, "top 3 accounts for each of the sample's 2 days");
    }
  }
}
