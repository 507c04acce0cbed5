package dev.tributary.runners.banking.bench;

import dev.tributary.runners.bench.ChildJvm;
import dev.tributary.testdata.banking.BankingGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench's data set: about N banking transactions (a week of them, 8 per account and day, with
 * the generator's share of fraud and malformed lines), generated once per size and seed and reused.
 */
final class BenchData {
  private static final Logger LOG = LoggerFactory.getLogger(BenchData.class);
  static final int DAYS = 7;
  static final double PER_ACCOUNT_DAY = 8;
  private static final String COMPLETE = "COMPLETE";

  private BenchData() {}

  /**
   * The folder that holds, or is to hold, the data set of {@code events} and {@code seed} under
   * {@code root}.
   */
  static Path folder(Path root, long events, long seed) {
    return root.resolve("data-" + events + "-seed" + seed);
  }

  /** Whether {@code dir} holds a whole data set: its marker is written last. */
  static boolean isComplete(Path dir) {
    return Files.exists(dir.resolve(COMPLETE));
  }

  /**
   * Generates the data set into {@code dir}. The generator holds the whole of it in memory (it
   * sorts all transactions by time), so the bench runs this in a JVM with the engines' heap ({@link
   * #main}), not in its own 2 GB: 10M events took a resident 10.6 GB.
   */
  static void generate(Path dir, long events, long seed) throws IOException {
    BankingGenerator.Settings settings = new BankingGenerator.Settings();
    settings.seed = seed;
    settings.days = DAYS;
    settings.transactionsPerAccountDay = PER_ACCOUNT_DAY;
    settings.accounts = (int) Math.max(1, Math.round(events / (DAYS * PER_ACCOUNT_DAY)));
    long started = System.nanoTime();
    BankingGenerator.Output output = BankingGenerator.generate(settings);
    BankingGenerator.write(output, dir);
    Files.writeString(dir.resolve(COMPLETE), output.transactionLines().size() + "\n");
    LOG.info(
        "Generated {} transactions ({} accounts) into {} in {} s",
        output.transactionLines().size(),
        settings.accounts,
        dir,
        (System.nanoTime() - started) / 1_000_000_000);
  }

  /** {@code BenchData <dir> <events> <seed>}: generates one data set, in a JVM of its own. */
  public static void main(String[] args) {
    ChildJvm.runThenExit(
        () -> generate(Path.of(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2])));
  }

  static Path transactions(Path dir) {
    return dir.resolve(BankingGenerator.TRANSACTIONS_FILE);
  }

  static Path accounts(Path dir) {
    return dir.resolve(BankingGenerator.ACCOUNTS_FILE);
  }

  /** How many transaction lines the data set has. */
  static long size(Path dir) {
    try {
      return Long.parseLong(Files.readString(dir.resolve(COMPLETE)).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
