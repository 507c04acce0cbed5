package dev.tributary.pipelines.banking;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.detect.Alert;
import dev.tributary.options.banking.FraudDetectionOptions;
import dev.tributary.testdata.banking.BankingGenerator;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.banking.BankingModel;
import dev.tributary.transforms.banking.BankingOutputs;
import dev.tributary.transforms.banking.FraudThresholds;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The batch pipeline end to end on the committed sample, on whichever runner the build selects:
 * every output equals the plain-Java model, the alerts equal the generator's ground truth
 * (precision and recall 1.0), records read = parsed + dead letters, and the files hold it all.
 */
public class FraudDetectionPipelineTest implements Serializable {
  private static final Path SAMPLE = Path.of("..", "test-data", "banking", "sample");

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  private static List<RawRecord> numbered(Path file) throws IOException {
    return RawRecord.ofLines(file.toString(), Files.readAllLines(file));
  }

  @Test
  public void sampleGivesTheModelsOutputsAndTheGroundTruth() throws IOException {
    Path transactions =
        SAMPLE.resolve(BankingGenerator.TRANSACTIONS_FILE).toAbsolutePath().normalize();
    Path accounts = SAMPLE.resolve(BankingGenerator.ACCOUNTS_FILE).toAbsolutePath().normalize();
    Path output = folder.newFolder("out").toPath();
    BankingModel.Result expected =
        new BankingModel(FraudThresholds.DEFAULTS, 10)
            .run(numbered(transactions), numbered(accounts));
    Set<BankingGenerator.Label> truth =
        new HashSet<>(
            BankingGenerator.readGroundTruth(SAMPLE.resolve(BankingGenerator.GROUND_TRUTH_FILE)));

    FraudDetectionOptions options = pipeline.getOptions().as(FraudDetectionOptions.class);
    options.setInput(transactions.toString());
    options.setAccounts(accounts.toString());
    options.setOutput(output.toString());
    BankingOutputs outputs = FraudDetectionPipeline.buildPipeline(pipeline, options);

    PAssert.that(outputs.alerts()).containsInAnyOrder(expected.alerts());
    PAssert.that(outputs.alerts()).satisfies(alerts -> assertMatchesGroundTruth(alerts, truth));
    PAssert.that(outputs.deadLetters()).containsInAnyOrder(expected.deadLetters());
    PAssert.that(
            outputs
                .accountHourly()
                .apply("Final hourly", Filter.by((Row r) -> r.getBoolean("isFinal"))))
        .containsInAnyOrder(expected.accountHourly());
    PAssert.that(
            outputs
                .categoryDaily()
                .apply("Final daily", Filter.by((Row r) -> r.getBoolean("isFinal"))))
        .containsInAnyOrder(expected.categoryDaily());
    PAssert.that(outputs.topAccountsDaily())
        .containsInAnyOrder(expected.topAccountsDaily()); // batch: one pane, final
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    FraudDetectionPipeline.Summary summary =
        FraudDetectionPipeline.Summary.of(result, output.toString(), 0);
    System.out.printf(
        "[%s] read %d = parsed %d + dead letters %d; alerts %s%n",
        System.getProperty("tributary.runner"),
        summary.read(),
        summary.parsed(),
        summary.deadLetters(),
        summary.alertsByRule());
    assertThat(summary.read(), equalTo(expected.transactionsRead()));
    assertThat(summary.parsed(), equalTo((long) expected.transactions().size()));
    assertThat(summary.read(), equalTo(summary.parsed() + summary.deadLetters()));
    assertThat(summary.alerts(), equalTo((long) expected.alerts().size()));

    assertThat(
        linesIn(output.resolve(FraudDetectionPipeline.ALERTS)).size(),
        equalTo(expected.alerts().size()));
    assertThat(
        linesIn(output.resolve(FraudDetectionPipeline.DEAD_LETTERS)).size(),
        equalTo(expected.deadLetters().size()));
    assertThat(
        linesIn(output.resolve(FraudDetectionPipeline.ACCOUNT_HOURLY)).size(),
        equalTo(expected.accountHourly().size()));
    assertThat(
        linesIn(output.resolve(FraudDetectionPipeline.CATEGORY_DAILY)).size(),
        equalTo(expected.categoryDaily().size()));
    assertThat(
        linesIn(output.resolve(FraudDetectionPipeline.TOP_ACCOUNTS_DAILY)).size(),
        equalTo(expected.topAccountsDaily().size()));
    JsonNode alert =
        new ObjectMapper().readTree(linesIn(output.resolve(FraudDetectionPipeline.ALERTS)).get(0));
    List<String> fields = new ArrayList<>();
    alert.fieldNames().forEachRemaining(fields::add);
    assertThat(
        fields,
        equalTo(
            List.of(
                "id",
                "rule",
                "ruleVersion",
                "subjectType",
                "subjectId",
                "recordIds",
                "measure",
                "attributes",
                "windowStart",
                "windowEnd",
                "severity",
                "detectionTime")));
  }

  private static Void assertMatchesGroundTruth(
      Iterable<Alert> alerts, Set<BankingGenerator.Label> truth) {
    Set<BankingGenerator.Label> found = new HashSet<>();
    for (Alert alert : alerts) {
      found.add(new BankingGenerator.Label(alert.triggeringRecordId(), alert.rule));
    }
    Set<BankingGenerator.Label> truePositives = new HashSet<>(found);
    truePositives.retainAll(truth);
    double precision = found.isEmpty() ? 0 : (double) truePositives.size() / found.size();
    double recall = (double) truePositives.size() / truth.size();
    System.out.printf(
        "[%s] ground truth: %d alerts, found %d, precision %.3f, recall %.3f%n",
        System.getProperty("tributary.runner"), truth.size(), found.size(), precision, recall);
    assertThat(precision, equalTo(1.0));
    assertThat(recall, equalTo(1.0));
    return null;
  }

  private static List<String> linesIn(Path folder) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    return lines;
  }
}
