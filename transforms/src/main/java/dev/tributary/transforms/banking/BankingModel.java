package dev.tributary.transforms.banking;

import dev.tributary.detect.Alert;
import dev.tributary.detect.AlertAttribute;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.ParsedRecords;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.TopK;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The whole banking computation as a plain loop over the events, with no Beam in it: the oracle the
 * pipeline's tests compare against, and the single-threaded baseline for benchmarks. It shares only
 * the record parsers with the pipeline (they define what is malformed); the rules, windows,
 * aggregates and rankings are written again here, directly from their definitions.
 */
public final class BankingModel {
  public static final Duration HOUR = Duration.standardHours(1);
  public static final Duration DAY = Duration.standardDays(1);

  /** The fields of an aggregate: key, windowStart, windowEnd, count, sum, mean, max, isFinal. */
  public static final Schema AGGREGATE_SCHEMA =
      BankingFraudAnalysis.amountStatistics(tx -> tx.accountId, HOUR).resultSchema();

  /** The fields of a top-k entry: windowStart, windowEnd, rank, key, value, isFinal. */
  public static final Schema TOP_SCHEMA = TopK.of(1).resultSchema(FixedWindows.of(DAY));

  /** Everything the banking pipeline computes. */
  public record Result(
      long transactionsRead,
      List<Transaction> transactions,
      List<DeadLetter> deadLetters,
      List<Alert> alerts,
      List<Row> accountHourly,
      List<Row> categoryDaily,
      List<Row> topAccountsDaily) {}

  private final FraudThresholds thresholds;
  private final int topK;

  public BankingModel(FraudThresholds thresholds, int topK) {
    this.thresholds = thresholds;
    this.topK = topK;
  }

  public Result run(List<RawRecord> transactionRecords, List<RawRecord> accountRecords) {
    ParsedRecords<AccountProfile> accountProfiles =
        ParsedRecords.of("accounts", new AccountProfileParser(), a -> a.accountId, accountRecords);
    Map<String, AccountProfile> accounts = new HashMap<>();
    accountProfiles.records().forEach(profile -> accounts.put(profile.accountId, profile));
    ParsedRecords<Transaction> parsed =
        ParsedRecords.of("transactions", new TransactionParser(), tx -> tx.id, transactionRecords);
    List<Transaction> transactions = parsed.records();
    List<DeadLetter> deadLetters = new ArrayList<>(parsed.deadLetters());
    deadLetters.addAll(accountProfiles.deadLetters());

    List<Alert> alerts = new ArrayList<>();
    for (Transaction tx : transactions) {
      if (tx.amount.compareTo(thresholds.largeAmount) > 0) {
        alerts.add(single(LargeAmountRule.NAME, "HIGH", tx));
      }
      AccountProfile home = accounts.get(tx.accountId);
      if (home != null
          && !home.homeCountry.equals(tx.country)
          && tx.amount.compareTo(thresholds.foreignAmount) > 0) {
        alerts.add(single(ForeignCountryRule.NAME, "MEDIUM", tx));
      }
    }
    alerts.addAll(velocity(transactions));

    List<Row> accountHourly = aggregate(transactions, tx -> tx.accountId, HOUR);
    List<Row> categoryDaily = aggregate(transactions, tx -> tx.merchantCategory, DAY);
    List<Row> top = topByDay(aggregate(transactions, tx -> tx.accountId, DAY));
    return new Result(
        transactionRecords.size(),
        transactions,
        deadLetters,
        alerts,
        accountHourly,
        categoryDaily,
        top);
  }

  private static Alert single(String rule, String severity, Transaction tx) {
    return Alert.ofRecord(rule, severity, "account", tx.accountId, tx.id, tx.amount, tx.eventTime);
  }

  /**
   * For each transaction: its account's transactions in (t - W, t], and an alert if there are N or
   * more.
   */
  private List<Alert> velocity(List<Transaction> transactions) {
    Map<String, List<Transaction>> byAccount = new TreeMap<>();
    for (Transaction tx : transactions) {
      byAccount.computeIfAbsent(tx.accountId, a -> new ArrayList<>()).add(tx);
    }
    Comparator<Transaction> inTimeOrder =
        Comparator.comparing((Transaction tx) -> tx.eventTime).thenComparing(tx -> tx.id);
    List<Alert> alerts = new ArrayList<>();
    for (List<Transaction> account : byAccount.values()) {
      account.sort(inTimeOrder);
      int first = 0; // the first transaction after t - W
      for (int i = 0; i < account.size(); i++) {
        Transaction subject = account.get(i);
        Instant start = subject.eventTime.minus(thresholds.velocityWindow);
        while (!account.get(first).eventTime.isAfter(start)) {
          first++;
        }
        int last = i; // the last transaction at or before t, equal timestamps included
        while (last + 1 < account.size()
            && !account.get(last + 1).eventTime.isAfter(subject.eventTime)) {
          last++;
        }
        if (last - first + 1 < thresholds.velocityCount) {
          continue;
        }
        List<String> ids = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Transaction member : account.subList(first, last + 1)) {
          if (member != subject) {
            ids.add(member.id);
          }
          total = total.add(member.amount);
        }
        ids.add(subject.id);
        alerts.add(
            new Alert(
                Alert.idFor(VelocityRule.NAME, subject.id),
                VelocityRule.NAME,
                1,
                "account",
                subject.accountId,
                ids,
                total,
                List.of(new AlertAttribute("count", String.valueOf(last - first + 1))),
                start,
                subject.eventTime,
                "MEDIUM",
                subject.eventTime));
      }
    }
    return alerts;
  }

  private static List<Row> aggregate(
      List<Transaction> transactions, Function<Transaction, String> keyOf, Duration size) {
    record Cell(String key, long windowStart) {}
    Map<Cell, List<BigDecimal>> cells = new HashMap<>();
    for (Transaction tx : transactions) {
      long start = Math.floorDiv(tx.eventTime.getMillis(), size.getMillis()) * size.getMillis();
      cells
          .computeIfAbsent(new Cell(keyOf.apply(tx), start), c -> new ArrayList<>())
          .add(tx.amount);
    }
    List<Row> results = new ArrayList<>();
    cells.forEach(
        (cell, amounts) -> {
          BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal max = amounts.stream().max(Comparator.naturalOrder()).orElseThrow();
          BigDecimal mean =
              sum.divide(BigDecimal.valueOf(amounts.size()), 2, RoundingMode.HALF_EVEN);
          Instant start = new Instant(cell.windowStart());
          results.add(
              Row.withSchema(AGGREGATE_SCHEMA)
                  .addValues(
                      cell.key(),
                      start,
                      start.plus(size),
                      (long) amounts.size(),
                      sum,
                      mean,
                      max,
                      true)
                  .build());
        });
    return results;
  }

  private List<Row> topByDay(List<Row> accountDaily) {
    Map<Instant, List<Row>> byDay = new TreeMap<>();
    for (Row r : accountDaily) {
      byDay
          .computeIfAbsent(
              Instant.ofEpochMilli(r.getDateTime("windowStart").getMillis()),
              d -> new ArrayList<>())
          .add(r);
    }
    List<Row> entries = new ArrayList<>();
    byDay.forEach(
        (day, results) -> {
          results.sort(
              Comparator.comparing((Row r) -> r.getDecimal("sum"))
                  .reversed()
                  .thenComparing(r -> r.getString("key")));
          for (int i = 0; i < Math.min(topK, results.size()); i++) {
            Row r = results.get(i);
            entries.add(
                Row.withSchema(TOP_SCHEMA)
                    .addValues(
                        r.getDateTime("windowStart"),
                        r.getDateTime("windowEnd"),
                        i + 1,
                        r.getString("key"),
                        r.getDecimal("sum"),
                        true)
                    .build());
          }
        });
    return entries;
  }
}
