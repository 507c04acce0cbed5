package dev.tributary.runners.banking.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.detect.Alert;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.banking.BankingModel;
import dev.tributary.transforms.banking.FraudThresholds;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.values.Row;

/**
 * The fraud job with no framework: one thread reads the files, runs {@link BankingModel} (parse,
 * enrich, rules, aggregates, top-k) and writes every output as JSON lines. The baseline the runners
 * are measured against.
 */
final class PlainJavaFraudJob {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlainJavaFraudJob() {}

  /** Runs the job over {@code data}, writing into {@code out}; returns the alert ids and counts. */
  static BatchRun.Outcome run(Path data, Path out, int topK) throws IOException {
    List<RawRecord> transactions = read(BenchData.transactions(data));
    List<RawRecord> accounts = read(BenchData.accounts(data));
    BankingModel.Result result =
        new BankingModel(FraudThresholds.DEFAULTS, topK).run(transactions, accounts);
    write(
        out.resolve("alerts.jsonl"),
        result.alerts(),
        a -> {
          ObjectNode n =
              JSON.createObjectNode()
                  .put("id", a.id)
                  .put("rule", a.rule)
                  .put("ruleVersion", a.ruleVersion)
                  .put("subjectType", a.subjectType)
                  .put("subjectId", a.subjectId);
          a.recordIds.forEach(n.putArray("recordIds")::add);
          ArrayNode attributes = n.put("measure", a.measure).putArray("attributes");
          a.attributes.forEach(
              at -> attributes.addObject().put("name", at.name).put("value", at.value));
          return n.put("windowStart", a.windowStart.toString())
              .put("windowEnd", a.windowEnd.toString())
              .put("severity", a.severity)
              .put("detectionTime", a.detectionTime.toString());
        });
    Function<Row, ObjectNode> aggregate =
        r ->
            JSON.createObjectNode()
                .put("key", r.getString("key"))
                .put("windowStart", r.getDateTime("windowStart").toString())
                .put("windowEnd", r.getDateTime("windowEnd").toString())
                .put("count", r.getInt64("count"))
                .put("sum", r.getDecimal("sum"))
                .put("mean", r.getDecimal("mean"))
                .put("max", r.getDecimal("max"));
    write(out.resolve("account-hourly.jsonl"), result.accountHourly(), aggregate);
    write(out.resolve("category-daily.jsonl"), result.categoryDaily(), aggregate);
    write(
        out.resolve("top-accounts-daily.jsonl"),
        result.topAccountsDaily(),
        (Row t) ->
            JSON.createObjectNode()
                .put("windowStart", t.getDateTime("windowStart").toString())
                .put("rank", t.getInt32("rank"))
                .put("key", t.getString("key"))
                .put("value", t.getDecimal("value")));
    write(
        out.resolve("dead-letters.jsonl"),
        result.deadLetters(),
        (DeadLetter d) ->
            JSON.createObjectNode()
                .put("source", d.source)
                .put("step", d.step)
                .put("reason", d.reason)
                .put("payload", d.payload));
    List<String> ids = new ArrayList<>();
    for (Alert alert : result.alerts()) {
      ids.add(alert.id);
    }
    long deadLetters =
        result.deadLetters().stream().filter(d -> d.step.equals("parse-transactions")).count();
    return new BatchRun.Outcome(result.transactionsRead(), deadLetters, ids);
  }

  private static List<RawRecord> read(Path file) throws IOException {
    return RawRecord.ofLines(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  private static <T> void write(Path file, List<T> items, Function<T, ObjectNode> toJson)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (T item : items) {
        writer.write(toJson.apply(item).toString());
        writer.write('\n');
      }
    }
  }
}
