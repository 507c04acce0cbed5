package dev.tributary.runners.bench;

import dev.tributary.testdata.BankingGenerator;
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

  private BenchData() {}

  /** The folder holding the data set for {@code events} and {@code seed} under {@code root}, generated if missing. */
  static Path prepare(Path root, long events, long seed) {
    Path dir = root.resolve("data-" + events + "-seed" + seed);
    Path done = dir.resolve("COMPLETE");
    if (Files.exists(done)) {
      LOG.info("Reusing the data set in {}", dir);
      return dir;
    }
    BankingGenerator.Settings settings = new BankingGenerator.Settings();
    settings.seed = seed;
    settings.days = DAYS;
    settings.transactionsPerAccountDay = PER_ACCOUNT_DAY;
    settings.accounts = (int) Math.max(1, Math.round(events / (DAYS * PER_ACCOUNT_DAY)));
    long started = System.nanoTime();
    BankingGenerator.Output output = BankingGenerator.generate(settings);
    BankingGenerator.write(output, dir);
    try {
      Files.writeString(done, output.transactionLines().size() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.info("Generated {} transactions ({} accounts) into {} in {} s", output.transactionLines().size(), settings.accounts,
        dir, (System.nanoTime() - started) / 1_000_000_000);
    return dir;
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
      return Long.parseLong(Files.readString(dir.resolve("COMPLETE")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
