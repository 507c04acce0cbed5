package dev.tributary.testdata.banking;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.testdata.AnyFileSystem;
import dev.tributary.testdata.KafkaReplay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic banking transactions for N accounts over a span of days: normal traffic, injected
 * fraud labelled with the rule it must trigger (ground truth), boundary cases that must trigger
 * nothing, the account reference file (with some accounts deliberately missing from it) and a share
 * of malformed lines. The same seed and settings always give the same files.
 *
 * <p>The labels hold by construction, not by running the rules: normal traffic keeps at least 90 s
 * between an account's transactions (so never 5 within 5 minutes), stays at or below 1000.00, and
 * keeps 5 minutes clear around every velocity burst; injected amounts sit strictly above their
 * thresholds.
 */
public final class BankingGenerator {
  /** What to generate. The defaults make the committed sample. */
  public static final class Settings {
    public long seed = 42;
    public int accounts = 200;
    public int days = 2;
    public LocalDate start = LocalDate.of(2026, 3, 2);
    public double transactionsPerAccountDay = 8;

    /** Share of accounts that the reference file leaves out. */
    public double unknownAccountShare = 0.02;

    public double largeAmountShare = 0.004;
    public double foreignShare = 0.004;
    public double burstsPerAccountDay = 0.06;

    /**
     * Share of normal transactions turned into the boundary cases 5000.00 at home and 1000.00
     * abroad.
     */
    public double boundaryShare = 0.004;

    /** Malformed lines as a share of all lines. */
    public double malformedShare = 0.01;
  }

  /** One alert the rules must raise: rule and triggering transaction. */
  public record Label(String transactionId, String rule) implements java.io.Serializable {}

  /** The generated lines, ready to write. */
  public record Output(
      List<String> transactionLines, List<String> accountLines, List<Label> groundTruth) {}

  public static final String TRANSACTIONS_FILE = "transactions.jsonl";
  public static final String ACCOUNTS_FILE = "accounts.jsonl";
  public static final String GROUND_TRUTH_FILE = "ground-truth.jsonl";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
  private static final String[] COUNTRIES = {
    "DE", "FR", "NL", "ES", "IT", "GB", "PL", "SE", "IE", "US"
  };
  private static final String[] CATEGORIES = {
    "grocery",
    "restaurants",
    "travel",
    "electronics",
    "fuel",
    "pharmacy",
    "clothing",
    "entertainment"
  };
  private static final String[] CHANNELS = {"POS", "POS", "POS", "ONLINE", "ONLINE", "ATM"};
  private static final String[] RISK_TIERS = {"LOW", "LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH"};
  private static final long MIN_GAP_MS = 90_000;
  private static final long BURST_QUIET_MS = 5 * 60_000;

  private record Tx(
      String id,
      String accountId,
      BigDecimal amount,
      String currency,
      String merchant,
      String category,
      String country,
      String channel,
      long eventTimeMs) {}

  private BankingGenerator() {}

  public static Output generate(Settings s) {
    long startMs = s.start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long endMs = startMs + s.days * 86_400_000L;
    List<Tx> all = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    List<String> accountLines = new ArrayList<>();

    for (int a = 0; a < s.accounts; a++) {
      Random random = new Random(s.seed * 1_000_003L + a);
      String accountId = String.format("acc-%05d", a);
      String home = COUNTRIES[random.nextInt(COUNTRIES.length)];
      String currency =
          home.equals("US")
              ? "USD"
              : home.equals("GB")
                  ? "GBP"
                  : home.equals("PL") ? "PLN" : home.equals("SE") ? "SEK" : "EUR";
      boolean known = random.nextDouble() >= s.unknownAccountShare;
      if (known) {
        ObjectNode profile = JSON.createObjectNode();
        profile.put("accountId", accountId);
        profile.put("homeCountry", home);
        profile.put("riskTier", RISK_TIERS[random.nextInt(RISK_TIERS.length)]);
        profile.put("openedOn", s.start.minusDays(30 + random.nextInt(3650)).toString());
        accountLines.add(profile.toString());
      }
      int[] sequence = {0};
      java.util.function.Supplier<String> nextId =
          () ->
              String.format(
                  "tx-%05d-%05d", Integer.parseInt(accountId.substring(4)), sequence[0]++);

      // Velocity bursts first, each with a quiet zone that normal traffic must keep out of.
      List<long[]> quietZones = new ArrayList<>();
      List<Tx> bursts = new ArrayList<>();
      for (int day = 0; day < s.days; day++) {
        if (random.nextDouble() >= s.burstsPerAccountDay) {
          continue;
        }
        long first =
            startMs
                + day * 86_400_000L
                + BURST_QUIET_MS
                + (long) (random.nextDouble() * (86_400_000L - 3 * BURST_QUIET_MS));
        int size = 5 + random.nextInt(3);
        long[] times = new long[size];
        times[0] = first;
        for (int i = 1; i < size; i++) {
          times[i] =
              times[i - 1] + (random.nextDouble() < 0.15 ? 0 : 1_000 + random.nextInt(40_000));
        }
        long[] zone = {first - BURST_QUIET_MS, times[size - 1] + BURST_QUIET_MS};
        if (times[size - 1] >= endMs
            || quietZones.stream().anyMatch(z -> z[0] <= zone[1] && zone[0] <= z[1])) {
          continue;
        }
        quietZones.add(zone);
        for (long t : times) {
          String merchant = "merchant-" + random.nextInt(500);
          Tx tx =
              new Tx(
                  nextId.get(),
                  accountId,
                  cents(random, 500, 30_000),
                  currency,
                  merchant,
                  "electronics",
                  home,
                  "ONLINE",
                  t);
          bursts.add(tx);
          int countUpToHere = 0;
          for (long other : times) {
            countUpToHere += other <= t ? 1 : 0;
          }
          if (countUpToHere >= 5) {
            labels.add(new Label(tx.id(), "velocity"));
          }
        }
      }

      // Normal traffic, some of it turned into injected fraud or boundary cases.
      double meanGapMs = 86_400_000.0 / s.transactionsPerAccountDay;
      for (long t = startMs + (long) (random.nextDouble() * meanGapMs);
          t < endMs;
          t += MIN_GAP_MS + (long) (-Math.log(1 - random.nextDouble()) * meanGapMs)) {
        long time = t;
        if (quietZones.stream().anyMatch(z -> z[0] < time && time <= z[1])) {
          continue;
        }
        String id = nextId.get();
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String merchant = category + "-" + random.nextInt(200);
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String country = random.nextDouble() < 0.03 ? foreign(random, home) : home;
        BigDecimal amount = cents(random, 100, 100_000); // 1.00 to 1000.00
        double roll = random.nextDouble();
        if (roll < s.largeAmountShare) {
          amount = cents(random, 500_001, 2_500_000);
          country = home;
          labels.add(new Label(id, "large_amount"));
        } else if (known && (roll -= s.largeAmountShare) < s.foreignShare) {
          amount = cents(random, 100_001, 499_999);
          country = foreign(random, home);
          labels.add(new Label(id, "foreign_country"));
        } else if ((roll -= s.foreignShare) < s.boundaryShare) {
          boolean atHome = random.nextBoolean();
          amount = new BigDecimal(atHome ? "5000.00" : "1000.00");
          country = atHome ? home : foreign(random, home);
        }
        all.add(
            new Tx(id, accountId, amount, currency, merchant, category, country, channel, time));
      }
      all.addAll(bursts);
    }

    all.sort(Comparator.comparingLong(Tx::eventTimeMs).thenComparing(Tx::id));
    // Each broken line is made from a real transaction and follows it, so that the lines stay in
    // event-time order, as a real feed's do: a Kafka replay stamps each message with its line's
    // time, and one far ahead of its neighbours would move the watermark past them.
    Random malformedRandom = new Random(s.seed ^ 0x5DEECE66DL);
    int malformed = (int) Math.round(all.size() * s.malformedShare / (1 - s.malformedShare));
    Map<Integer, List<String>> brokenAfter = new HashMap<>();
    for (int i = 0; i < malformed; i++) {
      int template = malformedRandom.nextInt(all.size());
      brokenAfter
          .computeIfAbsent(template, t -> new ArrayList<>())
          .add(malformed(all.get(template), i, malformedRandom));
    }
    List<String> lines = new ArrayList<>(all.size() + malformed);
    for (int t = 0; t < all.size(); t++) {
      lines.add(toJson(all.get(t)).toString());
      lines.addAll(brokenAfter.getOrDefault(t, List.of()));
    }
    labels.sort(Comparator.comparing(Label::transactionId).thenComparing(Label::rule));
    return new Output(lines, accountLines, labels);
  }

  private static String foreign(Random random, String home) {
    String country;
    do {
      country = COUNTRIES[random.nextInt(COUNTRIES.length)];
    } while (country.equals(home));
    return country;
  }

  /** A random amount in [minCents, maxCents] cents, with two decimal places. */
  private static BigDecimal cents(Random random, long minCents, long maxCents) {
    return BigDecimal.valueOf(
        minCents + (long) (random.nextDouble() * (maxCents - minCents + 1)), 2);
  }

  private static ObjectNode toJson(Tx tx) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", tx.id());
    node.put("accountId", tx.accountId());
    node.put("amount", tx.amount());
    node.put("currency", tx.currency());
    node.put("merchant", tx.merchant());
    node.put("merchantCategory", tx.category());
    node.put("country", tx.country());
    node.put("channel", tx.channel());
    node.put("eventTime", Instant.ofEpochMilli(tx.eventTimeMs()).toString());
    return node;
  }

  /** A broken line, of one of eight kinds in turn, made from a real transaction. */
  private static String malformed(Tx template, int n, Random random) {
    ObjectNode node = toJson(template);
    node.put("id", "bad-" + n);
    switch (n % 8) {
      case 0 -> {
        String whole = node.toString();
        return whole.substring(0, 1 + random.nextInt(whole.length() - 2));
      }
      case 1 -> node.remove("amount");
      case 2 -> node.put("amount", "twelve");
      case 3 -> node.put("amount", template.amount().negate());
      case 4 -> node.put("eventTime", "2026-13-45 25:61");
      case 5 -> node.put("channel", "CARRIER_PIGEON");
      case 6 -> node.put("amount", new BigDecimal("12.345"));
      default -> {
        return "";
      }
    }
    return node.toString();
  }

  /** Writes the three files into the local folder {@code dir}, creating it if needed. */
  public static void write(Output output, Path dir) {
    write(output, dir.toAbsolutePath().toString());
  }

  /**
   * Writes the three files into {@code location}: a local folder, or a folder on any file system
   * Beam has registered, e.g. {@code hdfs://127.0.0.1:8020/landing/banking} (for hdfs://, the file
   * system's address is taken from the location itself).
   */
  public static void write(Output output, String location) {
    AnyFileSystem.prepare(location);
    String dir = location.replaceAll("/+$", "");
    AnyFileSystem.writeLines(dir + "/" + TRANSACTIONS_FILE, output.transactionLines());
    AnyFileSystem.writeLines(dir + "/" + ACCOUNTS_FILE, output.accountLines());
    AnyFileSystem.writeLines(dir + "/" + GROUND_TRUTH_FILE, groundTruthLines(output));
  }

  private static List<String> groundTruthLines(Output output) {
    List<String> truth = new ArrayList<>();
    for (Label label : output.groundTruth()) {
      ObjectNode node = JSON.createObjectNode();
      node.put("transactionId", label.transactionId());
      node.put("rule", label.rule());
      truth.add(node.toString());
    }
    return truth;
  }

  /** Reads the ground truth written by {@link #write}. */
  public static List<Label> readGroundTruth(Path file) {
    try {
      List<Label> labels = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        var node = JSON.readTree(line);
        labels.add(new Label(node.get("transactionId").asText(), node.get("rule").asText()));
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Batch: {@code BankingGenerator --output DIR [settings]} writes the three files (DIR may be
   * {@code hdfs://host:port/path}). Streaming: {@code BankingGenerator --kafka HOST:PORT [--topic
   * T] [--rate R] [--duration S] [--count N] [settings]} sends the transactions to Kafka, R per
   * second, for S seconds or N messages.
   */
  public static void main(String[] args) {
    Settings s = new Settings();
    String output = null;
    String kafka = null;
    String topic = "banking-transactions";
    double rate = 50;
    long durationSeconds = 0;
    long count = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(
            "Usage: BankingGenerator (--output DIR | --kafka HOST:PORT [--topic banking-transactions] [--rate 50]"
                + " [--duration SECONDS] [--count N])\n"
                + "  [--accounts N (200)] [--days D (2)] [--start yyyy-MM-dd (2026-03-02)] [--seed S (42)]"
                + " [--transactions-per-account-day X (8)] [--malformed-share F (0.01)]");
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + arg + " needs a value; see --help");
      }
      String value = args[++i];
      switch (arg) {
        case "--output" -> output = value;
        case "--kafka" -> kafka = value;
        case "--topic" -> topic = value;
        case "--rate" -> rate = Double.parseDouble(value);
        case "--duration" -> durationSeconds = Long.parseLong(value);
        case "--count" -> count = Long.parseLong(value);
        case "--accounts" -> s.accounts = Integer.parseInt(value);
        case "--days" -> s.days = Integer.parseInt(value);
        case "--start" -> s.start = LocalDate.parse(value);
        case "--seed" -> s.seed = Long.parseLong(value);
        case "--transactions-per-account-day" ->
            s.transactionsPerAccountDay = Double.parseDouble(value);
        case "--malformed-share" -> s.malformedShare = Double.parseDouble(value);
        default -> throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    if ((output == null) == (kafka == null)) {
      throw new IllegalArgumentException(
          "give either --output DIR or --kafka HOST:PORT; see --help");
    }
    Output generated = generate(s);
    if (kafka != null) {
      System.out.printf(
          "Sending up to %d transaction lines to %s topic %s at %s/s...%n",
          generated.transactionLines().size(), kafka, topic, rate > 0 ? rate : "max");
      long sent =
          KafkaReplay.send(
              kafka,
              topic,
              generated.transactionLines(),
              rate,
              count,
              java.time.Duration.ofSeconds(durationSeconds));
      System.out.printf("Sent %d messages to %s.%n", sent, topic);
      return;
    }
    write(generated, output);
    System.out.printf(
        "Wrote %d transaction lines, %d accounts and %d ground-truth alerts to %s%n",
        generated.transactionLines().size(),
        generated.accountLines().size(),
        generated.groundTruth().size(),
        output.contains("://") ? output : Path.of(output).toAbsolutePath());
  }
}
