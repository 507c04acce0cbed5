package dev.tributary.pipelines.banking;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertTrue;

import dev.tributary.detect.Alert;
import dev.tributary.options.banking.FraudDetectionOptions;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.banking.BankingOutputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The batch pipeline over files of hostile lines mixed with valid ones, on whichever runner the
 * build selects: the job ends, every hostile line is a dead letter at its physical line with its
 * reason, every valid line is judged, records read = parsed + dead letters, and a duplicate id or
 * account keeps its first occurrence.
 */
public class HostileInputPipelineTest implements Serializable {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  private static String tx(String id, String amount, String country, String time) {
    return "{\"id\":\""
        + id
        + "\",\"accountId\":\"a1\",\"amount\":"
        + amount
        + ",\"currency\":\"EUR\",\"merchant\":\"m\",\"merchantCategory\":\"grocery\","
        + "\"country\":\""
        + country
        + "\",\"channel\":\"POS\",\"eventTime\":\""
        + time
        + "\"}";
  }

  private static String tx(String id, String time) {
    return tx(id, "10.00", "DE", time);
  }

  /** The file being built, and the reason expected at each line that must be refused. */
  private final ByteArrayOutputStream file = new ByteArrayOutputStream();

  private final Map<Integer, String> refusals = new LinkedHashMap<>();
  private int lines;

  private void line(String text, String ending) {
    line(text.getBytes(StandardCharsets.UTF_8), ending);
  }

  private void line(byte[] bytes, String ending) {
    file.writeBytes(bytes);
    file.writeBytes(ending.getBytes(StandardCharsets.UTF_8));
    lines++;
  }

  private void refused(String text, String reason) {
    line(text, "\n");
    refusals.put(lines, reason);
  }

  @Test
  public void everyHostileLineIsADeadLetterAtItsLineAndTheJobEnds() throws IOException {
    line("\uFEFF" + tx("t-bom", "2026-03-02T08:00:00Z"), "\r\n");
    line(tx("t-big", "6000.00", "DE", "2026-03-02T08:10:00Z"), "\r\n");
    line(tx("t-abroad", "1500.00", "FR", "2026-03-02T08:20:00Z"), "\n");
    refused(tx("t-end1", "+294247-01-09T00:00:00Z"), "outside the accepted range");
    refused(tx("t-end2", "+294246-12-31T23:00:00Z"), "outside the accepted range");
    refused(tx("t-exp", "1e999999999", "DE", "2026-03-02T08:30:00Z"), "is out of range");
    refused(tx("t-trail", "2026-03-02T08:31:00Z") + " garbage", "malformed JSON");
    refused(
        tx("t-two1", "2026-03-02T08:32:00Z") + tx("t-two2", "2026-03-02T08:33:00Z"),
        "malformed JSON");
    refused(
        tx("t-cr", "2026-03-02T08:34:00Z").replace("\"m\"", "\"a\rb\""),
        "Illegal unquoted character ((CTRL-CHAR, code 13))");
    byte[] invalid = tx("t-utf8", "2026-03-02T08:35:00Z").getBytes(StandardCharsets.UTF_8);
    invalid[8] = (byte) 0xFF;
    line(invalid, "\n");
    refusals.put(lines, "not valid UTF-8 (from byte 8)");
    refused(tx("t-\\ud800", "2026-03-02T08:36:00Z"), "unpaired surrogate U+D800");
    refused(
        tx("t-big", "7000.00", "DE", "2026-03-02T08:37:00Z"),
        "duplicate id 't-big': its first occurrence is ");
    refused(tx("t-1969", "1969-12-31T23:59:59.999Z"), "outside the accepted range");
    refused(tx("t-99999", "+99999-01-01T00:00:00Z"), "outside the accepted range");
    refused(
        tx("t-long", "2026-03-02T08:38:00Z").replace("\"m\"", "\"" + "m".repeat(1 << 20) + "\""),
        "over the limit of 1,048,576");
    refused(tx("t-nbsp", "2026-03-02T08:39:00Z").replace("\"m\"", "\"\\u00a0\""), "is empty");
    refused(
        tx("t-twice", "2026-03-02T08:40:00Z").replace("\"id\"", "\"id\":\"x\",\"id\""),
        "Duplicate field 'id'");
    line(tx("t-last", "2026-03-02T08:41:00Z"), "");
    Path transactions = folder.getRoot().toPath().resolve("transactions.jsonl");
    Files.write(transactions, file.toByteArray());

    Path accounts = folder.getRoot().toPath().resolve("accounts.jsonl");
    Files.writeString(
        accounts,
        "{\"accountId\":\"a1\",\"homeCountry\":\"DE\",\"riskTier\":\"LOW\",\"openedOn\":\"2021-06-30\"}\n"
            + "{\"accountId\":\"a2\",\"homeCountry\":\"FR\",\"riskTier\":\"LOW\",\"openedOn\":\"2021-06-30\"}\n"
            + "{\"accountId\":\"a1\",\"homeCountry\":\"FR\",\"riskTier\":\"HIGH\",\"openedOn\":\"2022-01-01\"}\n");

    FraudDetectionOptions options = pipeline.getOptions().as(FraudDetectionOptions.class);
    options.setInput(transactions.toString());
    options.setAccounts(accounts.toString());
    options.setOutput(folder.newFolder("out").toString());
    BankingOutputs outputs = FraudDetectionPipeline.buildPipeline(pipeline, options);

    String prefix = transactions.toString() + ":";
    Map<String, String> expected = new TreeMap<>();
    refusals.forEach((line, reason) -> expected.put(prefix + line, reason));
    expected.put(accounts + ":3", "duplicate id 'a1': its first occurrence is " + accounts + ":1");
    PAssert.that(outputs.deadLetters())
        .satisfies(letters -> assertReasons(letters, expected, prefix + "2"));
    PAssert.that(
            outputs
                .alerts()
                .apply(MapElements.into(TypeDescriptors.strings()).via((Alert a) -> a.id)))
        .containsInAnyOrder("large_amount:t-big", "foreign_country:t-abroad");
    PipelineResult result = pipeline.run();
    assertThat(result.waitUntilFinish(), equalTo(PipelineResult.State.DONE));

    FraudDetectionPipeline.Summary summary = FraudDetectionPipeline.Summary.of(result, "", 0);
    assertThat(summary.read(), equalTo((long) lines));
    assertThat(summary.deadLetters(), equalTo((long) refusals.size()));
    assertThat(summary.parsed(), equalTo((long) (lines - refusals.size())));
    assertThat(summary.accountsRead(), equalTo(3L));
    assertThat(summary.accountDeadLetters(), equalTo(1L));
  }

  private static Void assertReasons(
      Iterable<DeadLetter> letters, Map<String, String> expected, String firstBig) {
    Map<String, String> reasons = new TreeMap<>();
    for (DeadLetter letter : letters) {
      reasons.put(letter.source, letter.reason);
    }
    assertThat(reasons.keySet(), equalTo(expected.keySet()));
    expected.forEach(
        (source, part) ->
            assertTrue(
                source + ": '" + reasons.get(source) + "' does not say '" + part + "'",
                reasons.get(source).contains(part)));
    Set<String> duplicateOf = new TreeSet<>();
    reasons.values().stream()
        .filter(r -> r.startsWith("duplicate id 't-big'"))
        .forEach(r -> duplicateOf.add(r.substring(r.lastIndexOf(' ') + 1)));
    assertThat(duplicateOf, equalTo(Set.of(firstBig)));
    return null;
  }
}
