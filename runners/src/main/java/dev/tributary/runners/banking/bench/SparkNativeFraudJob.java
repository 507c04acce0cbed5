package dev.tributary.runners.banking.bench;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.banking.AccountProfile;
import dev.tributary.transforms.banking.AccountProfileParser;
import dev.tributary.transforms.banking.FraudThresholds;
import dev.tributary.transforms.banking.Transaction;
import dev.tributary.transforms.banking.TransactionParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The fraud job written for Spark directly, with the Dataset API and no Beam: the same parsing
 * (Tributary's parsers, so that the same lines are dead letters), rules, aggregates and top-k, and
 * JSON outputs. Velocity is a window function: the account's transactions in (t - W, t].
 */
final class SparkNativeFraudJob {
  private static final StructType PARSED =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("accountId", DataTypes.StringType)
          .add("amount", DataTypes.createDecimalType(18, 2))
          .add("country", DataTypes.StringType)
          .add("category", DataTypes.StringType)
          .add("eventMillis", DataTypes.LongType)
          .add("reason", DataTypes.StringType)
          .add("payload", DataTypes.StringType);
  private static final StructType ACCOUNTS =
      new StructType()
          .add("accountId", DataTypes.StringType)
          .add("homeCountry", DataTypes.StringType);
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private SparkNativeFraudJob() {}

  static BatchRun.Outcome run(Path data, Path out, int topK, int cores) {
    FraudThresholds rules = FraudThresholds.DEFAULTS;
    SparkSession spark =
        SparkSession.builder()
            .master("local[" + cores + "]")
            .appName("tributary-native-spark-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", String.valueOf(2 * cores))
            .getOrCreate();
    try {
      Dataset<Row> parsed =
          spark
              .read()
              .textFile(BenchData.transactions(data).toString())
              .mapPartitions(
                  (MapPartitionsFunction<String, Row>) SparkNativeFraudJob::parseTransactions,
                  Encoders.row(PARSED))
              .cache();
      Dataset<Row> transactions = parsed.filter(col("reason").isNull()).drop("reason", "payload");
      Dataset<Row> deadLetters =
          parsed.filter(col("reason").isNotNull()).select("reason", "payload");
      Dataset<Row> accounts =
          spark
              .read()
              .textFile(BenchData.accounts(data).toString())
              .mapPartitions(
                  (MapPartitionsFunction<String, Row>) SparkNativeFraudJob::parseAccounts,
                  Encoders.row(ACCOUNTS));

      Dataset<Row> large =
          transactions
              .filter(col("amount").gt(lit(rules.largeAmount)))
              .select(
                  alertId("large_amount"),
                  lit("large_amount").as("rule"),
                  col("accountId"),
                  col("amount"));
      Dataset<Row> foreign =
          transactions
              .join(accounts, "accountId")
              .filter(
                  col("country")
                      .notEqual(col("homeCountry"))
                      .and(col("amount").gt(lit(rules.foreignAmount))))
              .select(
                  alertId("foreign_country"),
                  lit("foreign_country").as("rule"),
                  col("accountId"),
                  col("amount"));
      WindowSpec lastW =
          Window.partitionBy("accountId")
              .orderBy("eventMillis")
              .rangeBetween(-(rules.velocityWindow.getMillis() - 1), Window.currentRow());
      Dataset<Row> velocity =
          transactions
              .withColumn("inWindow", count(lit(1)).over(lastW))
              .withColumn("windowSum", sum("amount").over(lastW))
              .filter(col("inWindow").geq(rules.velocityCount))
              .select(
                  alertId("velocity"),
                  lit("velocity").as("rule"),
                  col("accountId"),
                  col("windowSum").as("amount"));
      Dataset<Row> alerts = large.unionByName(foreign).unionByName(velocity).cache();

      alerts.write().mode("overwrite").json(out.resolve("alerts").toString());
      aggregate(transactions, "accountId", HOUR)
          .write()
          .mode("overwrite")
          .json(out.resolve("account-hourly").toString());
      aggregate(transactions, "category", DAY)
          .write()
          .mode("overwrite")
          .json(out.resolve("category-daily").toString());
      Dataset<Row> accountDaily = aggregate(transactions, "accountId", DAY);
      accountDaily
          .withColumn(
              "rank",
              row_number()
                  .over(
                      Window.partitionBy("windowStart")
                          .orderBy(col("sum").desc(), col("key").asc())))
          .filter(col("rank").leq(topK))
          .select("windowStart", "rank", "key", "sum")
          .write()
          .mode("overwrite")
          .json(out.resolve("top-accounts-daily").toString());
      deadLetters.write().mode("overwrite").json(out.resolve("dead-letters").toString());

      List<String> ids = alerts.select("id").as(Encoders.STRING()).collectAsList();
      long read = parsed.count();
      long dead = deadLetters.count();
      return new BatchRun.Outcome(read, dead, new ArrayList<>(ids));
    } finally {
      spark.stop();
    }
  }

  private static Column alertId(String rule) {
    return concat(lit(rule + ":"), col("id")).as("id");
  }

  private static Dataset<Row> aggregate(Dataset<Row> transactions, String key, long size) {
    return transactions
        .groupBy(
            col(key).as("key"),
            floor(col("eventMillis").divide(size)).multiply(size).as("windowStart"))
        .agg(
            count(lit(1)).as("count"),
            sum("amount").as("sum"),
            avg("amount").as("mean"),
            max("amount").as("max"));
  }

  private static Iterator<Row> parseTransactions(Iterator<String> lines) {
    TransactionParser parser = new TransactionParser();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Row next() {
        String line = lines.next();
        try {
          Transaction tx = parser.parse(line);
          return RowFactory.create(
              tx.id,
              tx.accountId,
              tx.amount,
              tx.country,
              tx.merchantCategory,
              tx.eventTime.getMillis(),
              null,
              null);
        } catch (InvalidRecordException e) {
          return RowFactory.create(null, null, null, null, null, null, e.getMessage(), line);
        }
      }
    };
  }

  private static Iterator<Row> parseAccounts(Iterator<String> lines) {
    AccountProfileParser parser = new AccountProfileParser();
    List<Row> rows = new ArrayList<>();
    while (lines.hasNext()) {
      try {
        AccountProfile profile = parser.parse(lines.next());
        rows.add(RowFactory.create(profile.accountId, profile.homeCountry));
      } catch (InvalidRecordException e) {
        // a malformed account line: the account is unknown, as in the pipeline
      }
    }
    return rows.iterator();
  }
}
