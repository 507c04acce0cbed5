package dev.tributary.pipelines.commerce;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertTrue;

import dev.tributary.options.commerce.CommerceReportOptions;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.commerce.CommerceOutputs;
import dev.tributary.transforms.commerce.CommerceView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The batch report over CSV files of hostile rows mixed with valid ones, on whichever runner the
 * build selects: the job ends, every hostile row is a dead letter at its physical line with its
 * reason, a file whose header names other columns has that header refused, the valid rows (behind a
 * BOM, with CRLF, quoted commas and quotes) are all counted, and lines = headers + parsed + dead
 * letters.
 */
public class HostileCsvPipelineTest implements Serializable {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  private static final String HEADER =
      "order_id,customer_id,category,product,quantity,unit_price,amount,payment_method,city,timestamp";

  private static String row(
      String id, String product, String quantity, String amount, String time) {
    return id
        + ",C1,Books,"
        + product
        + ","
        + quantity
        + ",10.00,"
        + amount
        + ",PayPal,Chicago,"
        + time;
  }

  private static String row(String id, String time) {
    return row(id, "Novel", "1", "10.00", time);
  }

  private final ByteArrayOutputStream file = new ByteArrayOutputStream();
  private final Map<Integer, String> refusals = new LinkedHashMap<>();
  private int lines;

  private void line(byte[] bytes, String ending) {
    file.writeBytes(bytes);
    file.writeBytes(ending.getBytes(StandardCharsets.UTF_8));
    lines++;
  }

  private void line(String text, String ending) {
    line(text.getBytes(StandardCharsets.UTF_8), ending);
  }

  private void refused(String text, String reason) {
    line(text, "\n");
    refusals.put(lines, reason);
  }

  @Test
  public void everyHostileRowIsADeadLetterAtItsLineAndTheJobEnds() throws IOException {
    line("\uFEFF" + HEADER, "\r\n");
    line(row("o-crlf", "2025-11-01T08:00:00Z"), "\r\n");
    line(
        row("o-quoted", "\"Pan Set, \"\"3\"\" pieces\"", "2", "20.00", "2025-11-01T08:01:00Z"),
        "\n");
    refused("", "empty line");
    refused("   ", "empty line");
    refused(row("o-short", "2025-11-01T08:02:00Z").replace(",Chicago", ""), "expected 10 fields");
    refused(row("o-long", "2025-11-01T08:03:00Z") + ",extra", "expected 10 fields");
    refused(
        row("o-nan", "Novel", "NaN", "10.00", "2025-11-01T08:04:00Z"), "must be a whole number");
    refused(row("o-neg", "Novel", "-2", "10.00", "2025-11-01T08:05:00Z"), "must be from 1 to");
    refused(row("o-exp", "Novel", "1", "1e400", "2025-11-01T08:06:00Z"), "is out of range");
    refused(row("o-dec", "Novel", "1", "10.001", "2025-11-01T08:07:00Z"), "more than 2 decimal");
    refused(row("o-date", "2025-13-45 25:61"), "must be an ISO-8601 date-time");
    refused(row("o-1969", "1969-12-31T23:59:59Z"), "outside the accepted range");
    refused(row("o-quote", "\"Novel", "1", "10.00", "2025-11-01T08:08:00Z"), "malformed CSV");
    refused(
        row("o-nul", "No\u0000vel\u0001", "1", "10.00", "2025-11-01T08:09:00Z")
            .replace(",Chicago,", ",\u00a0,"),
        "field 'city' is empty");
    byte[] invalid = row("o-utf8", "2025-11-01T08:10:00Z").getBytes(StandardCharsets.UTF_8);
    invalid[3] = (byte) 0xC3;
    line(invalid, "\n");
    refusals.put(lines, "not valid UTF-8");
    refused(
        row("o-huge", "N".repeat(2 << 20), "1", "10.00", "2025-11-01T08:11:00Z"),
        "over the limit of 1,048,576");
    refused(row("o-crlf", "2025-11-01T08:12:00Z"), "duplicate id 'o-crlf'");
    line(row("o-last", "2025-11-02T09:00:00Z"), "");
    Path orders = folder.getRoot().toPath().resolve("orders-1.csv");
    Files.write(orders, file.toByteArray());
    Path other = folder.getRoot().toPath().resolve("orders-2.csv");
    Files.writeString(
        other,
        HEADER.replace("city,timestamp", "timestamp,city")
            + "\n"
            + row("o-2", "2025-11-01T09:00:00Z")
            + "\n");

    CommerceReportOptions options = pipeline.getOptions().as(CommerceReportOptions.class);
    options.setOrders(folder.getRoot().toPath().resolve("orders-*.csv").toString());
    options.setOutput(folder.newFolder("out").toString());
    CommerceOutputs outputs = CommerceReportPipeline.buildPipeline(pipeline, options);

    Map<String, String> expected = new TreeMap<>();
    refusals.forEach((line, reason) -> expected.put(orders + ":" + line, reason));
    expected.put(other + ":1", "the header line must name the columns");
    PAssert.that(outputs.deadLetters()).satisfies(letters -> assertReasons(letters, expected));
    PAssert.that(
            outputs.orders().apply(MapElements.into(TypeDescriptors.strings()).via(o -> o.orderId)))
        .containsInAnyOrder("o-crlf", "o-quoted", "o-last", "o-2");
    PAssert.that(outputs.views().get(CommerceView.SUMMARY.folder()))
        .satisfies(
            rows -> {
              Row all = rows.iterator().next();
              assertThat(all.getInt64("orders"), equalTo(4L));
              assertThat(all.getDecimal("revenue"), equalTo(new BigDecimal("50.00")));
              return null;
            });
    PipelineResult result = pipeline.run();
    assertThat(result.waitUntilFinish(), equalTo(PipelineResult.State.DONE));

    CommerceReportPipeline.Summary summary =
        CommerceReportPipeline.Summary.of(result, "", 0, 0, null);
    assertThat(summary.headers(), equalTo(1L));
    assertThat(summary.read(), equalTo((long) lines - 1 + 2));
    assertThat(summary.deadLetters(), equalTo((long) refusals.size() + 1));
    assertThat(summary.read(), equalTo(summary.parsed() + summary.deadLetters()));
  }

  private static Void assertReasons(Iterable<DeadLetter> letters, Map<String, String> expected) {
    Map<String, String> reasons = new TreeMap<>();
    for (DeadLetter letter : letters) {
      reasons.put(letter.source, letter.reason);
      assertTrue(letter.source, letter.payload != null);
    }
    assertThat(reasons.keySet(), equalTo(expected.keySet()));
    expected.forEach(
        (source, part) ->
            assertTrue(
                source + ": '" + reasons.get(source) + "' does not say '" + part + "'",
                reasons.get(source).contains(part)));
    return null;
  }
}
