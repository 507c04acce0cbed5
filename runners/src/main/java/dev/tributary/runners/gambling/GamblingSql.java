package dev.tributary.runners.gambling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * SQL over the gambling warehouse with Spark SQL on a local session, as the seed's {@code
 * query_with_spark.py}: each table folder under {@code --warehouse} (local or hdfs://) becomes a
 * table of its name (partitions year=/month=/day= found by Spark), then the seed's analytics run as
 * named queries ({@link GamblingQueries}), or any SQL given, or an interactive prompt with {@code
 * -i}. Times are UTC.
 *
 * <pre>
 *   GamblingSql --warehouse target/gambling-warehouse                 # every named query
 *   GamblingSql --warehouse ... --query revenue_by_game_type         # one
 *   GamblingSql --warehouse ... --sql "SELECT COUNT(*) FROM bets"    # any SQL
 *   GamblingSql --warehouse ... -i                                   # a prompt; end a query with ;
 * </pre>
 */
public final class GamblingSql {
  private GamblingSql() {}

  /** A local Spark session with UTC times and no web UI. */
  public static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("gambling-sql")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  /** Makes each table folder under {@code warehouse} a table of its name; returns the names. */
  public static List<String> registerTables(SparkSession spark, String warehouse) {
    List<String> tables = new ArrayList<>();
    try {
      Path base = new Path(warehouse);
      FileSystem fs = base.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(base)) {
        throw new IllegalArgumentException(
            "--warehouse "
                + warehouse
                + " does not exist: write it with GamblingAnalyticsPipeline"
                + " --gamblingWarehouse="
                + warehouse);
      }
      for (FileStatus folder : fs.listStatus(base)) {
        String name = folder.getPath().getName();
        if (folder.isDirectory() && !name.startsWith(".") && !name.startsWith("_")) {
          spark.read().parquet(folder.getPath().toString()).createOrReplaceTempView(name);
          tables.add(name);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + warehouse + ": " + e.getMessage(), e);
    }
    tables.sort(null);
    return tables;
  }

  /** Runs a named query. */
  public static Dataset<Row> named(SparkSession spark, String name) {
    String sql = GamblingQueries.QUERIES.get(name);
    if (sql == null) {
      throw new IllegalArgumentException(
          "no query named '" + name + "'; the named queries: " + GamblingQueries.QUERIES.keySet());
    }
    return spark.sql(sql);
  }

  public static void main(String[] args) throws IOException {
    String warehouse = "target/gambling-warehouse";
    String query = "all";
    String sql = null;
    boolean interactive = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          usage(System.out);
          return;
        }
        case "-i", "--interactive" -> interactive = true;
        case "--list" -> {
          GamblingQueries.QUERIES.forEach(
              (name, text) -> System.out.println(name + ":\n  " + text));
          return;
        }
        case "--warehouse", "--query", "--sql" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value; see --help");
          }
          String value = args[++i];
          switch (args[i - 1]) {
            case "--warehouse" -> warehouse = value;
            case "--query" -> query = value;
            default -> sql = value;
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see --help");
      }
    }
    SparkSession spark = session();
    try {
      System.out.println("Tables under " + warehouse + ": " + registerTables(spark, warehouse));
      if (interactive) {
        prompt(spark);
      } else if (sql != null) {
        spark.sql(sql).show(50, false);
      } else if (query.equals("all")) {
        for (String name : GamblingQueries.QUERIES.keySet()) {
          System.out.println("== " + name);
          named(spark, name).show(20, false);
        }
      } else {
        named(spark, query).show(50, false);
      }
    } finally {
      spark.stop();
    }
  }

  /** Reads queries ending in ';' (or a query's name) and shows each result; 'exit' ends. */
  private static void prompt(SparkSession spark) throws IOException {
    System.out.println(
        "SQL, ending with ';'; a named query by its name; 'queries' lists them; 'exit' ends.");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder pending = new StringBuilder();
    System.out.print("gambling> ");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String text = line.trim();
      if (pending.isEmpty() && (text.equals("exit") || text.equals("quit"))) {
        return;
      }
      if (pending.isEmpty() && text.equals("queries")) {
        System.out.println(String.join(", ", GamblingQueries.QUERIES.keySet()));
      } else if (pending.isEmpty() && GamblingQueries.QUERIES.containsKey(text)) {
        show(() -> named(spark, text));
      } else {
        pending.append(line).append('\n');
        if (text.endsWith(";")) {
          String statement = pending.toString().trim();
          pending.setLength(0);
          show(() -> spark.sql(statement.substring(0, statement.length() - 1)));
        }
      }
      System.out.print(pending.isEmpty() ? "gambling> " : "      -> ");
    }
  }

  private static void show(java.util.function.Supplier<Dataset<Row>> query) {
    try {
      query.get().show(50, false);
    } catch (RuntimeException e) {
      // A bad query is reported and the prompt goes on.
      System.out.println("error: " + e.getMessage());
    }
  }

  private static void usage(PrintStream out) {
    out.println(
        "Usage: GamblingSql [--warehouse DIR (target/gambling-warehouse)] [--query NAME|all (all)]"
            + " [--sql TEXT] [-i] [--list]\n"
            + "Runs SQL with Spark SQL over the gambling warehouse that GamblingAnalyticsPipeline"
            + " --gamblingWarehouse writes: each table folder is a table of its name. Named queries: "
            + String.join(", ", GamblingQueries.QUERIES.keySet()));
  }

  /** For tests: every named query's rows. */
  static Map<String, List<Row>> runAll(SparkSession spark) {
    Map<String, List<Row>> results = new java.util.LinkedHashMap<>();
    for (String name : GamblingQueries.QUERIES.keySet()) {
      results.put(name, named(spark, name).collectAsList());
    }
    return results;
  }
}
