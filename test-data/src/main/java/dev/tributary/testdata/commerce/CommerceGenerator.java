package dev.tributary.testdata.commerce;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.testdata.GeneratorArgs;
import dev.tributary.testdata.MalformedLines;
import dev.tributary.testdata.MalformedLines.Label;
import dev.tributary.testdata.WeightedChoice;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Generates an online shop's orders as one CSV file with a header, deterministically from a seed:
 * ten categories whose price ranges make a few dominate revenue (Electronics about a third),
 * payment methods near-uniform, cities weighted (Chicago first), times spread over the days in
 * order, and a share of malformed rows whose line numbers and defects are written as ground truth.
 * Product names hold commas and quotes now and then, so that the CSV needs quoting.
 */
public final class CommerceGenerator {
  public static final String ORDERS_FILE = "orders.csv";
  public static final String GROUND_TRUTH_FILE = "ground-truth.jsonl";

  /** The header of an orders file; the same columns the parser expects. */
  public static final List<String> COLUMNS =
      List.of(
          "order_id",
          "customer_id",
          "category",
          "product",
          "quantity",
          "unit_price",
          "amount",
          "payment_method",
          "city",
          "timestamp");

  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to generate. */
  public static final class Settings {
    public long seed = 42;
    public int orders = 100_000;
    public LocalDate start = LocalDate.of(2025, 11, 1);
    public int days = 30;
    public int customers = 20_000;

    /** The share of rows written malformed (a short row, a bad number, a repeated id, ...). */
    public double malformedShare = 0.001;
  }

  /** The file's lines, header first, and the ground truth of its malformed rows. */
  public record Output(List<String> lines, List<Label> groundTruth) {}

  private record Category(String name, double minPrice, double maxPrice, List<String> products) {}

  private static final List<Category> CATEGORIES =
      List.of(
          new Category(
              "Electronics",
              200,
              1800,
              List.of("Laptop", "Smartphone", "Headphones, wireless", "27\" Monitor", "Camera")),
          new Category("Furniture", 80, 1500, List.of("Sofa", "Desk", "Office Chair", "Bookshelf")),
          new Category(
              "Automotive", 20, 900, List.of("Car Battery", "Tyre Set", "Dash Cam", "Roof Box")),
          new Category(
              "Sports & Outdoors", 15, 500, List.of("Tent", "Bicycle Helmet", "Yoga Mat", "Kayak")),
          new Category(
              "Home & Kitchen", 20, 400, List.of("Blender", "Coffee Maker", "Pan Set, 3 pieces")),
          new Category("Toys", 10, 150, List.of("Puzzle", "Building Blocks", "Board Game")),
          new Category("Clothing", 10, 200, List.of("Jacket", "Jeans", "T-Shirt", "Sneakers")),
          new Category("Beauty", 5, 120, List.of("Perfume", "Face Cream", "Shampoo")),
          new Category("Books", 5, 60, List.of("Novel", "Cookbook", "\"Beam in Action\"")),
          new Category("Grocery", 2, 50, List.of("Coffee Beans", "Olive Oil", "Tea, green")));

  private static final List<String> PAYMENT_METHODS =
      List.of("Credit Card", "Debit Card", "PayPal", "Apple Pay", "Bank Transfer");
  private static final double[] PAYMENT_WEIGHTS = {21, 20, 20, 20, 19};

  private static final List<String> CITIES =
      List.of(
          "Chicago",
          "New York",
          "Los Angeles",
          "Houston",
          "Phoenix",
          "Philadelphia",
          "San Antonio",
          "San Diego",
          "Dallas",
          "San Jose",
          "Austin",
          "Jacksonville",
          "Fort Worth",
          "Columbus",
          "Charlotte",
          "Seattle",
          "Denver",
          "Boston",
          "Miami",
          "Atlanta");
  private static final double[] CITY_WEIGHTS = {
    7.0, 6.5, 6.3, 6.0, 5.5, 5.5, 5.0, 5.0, 5.0, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5,
    4.5
  };

  /** The kinds of malformed row, each with its label. */
  private static final List<String> DEFECTS =
      List.of(
          "short_row",
          "long_row",
          "bad_quantity",
          "negative_quantity",
          "bad_price",
          "bad_timestamp",
          "unterminated_quote",
          "duplicate_order_id");

  private CommerceGenerator() {}

  /** The orders of {@code s}; the same settings always give the same lines. */
  public static Output generate(Settings s) {
    if (s.orders < 0 || s.days < 1 || s.customers < 1) {
      throw new IllegalArgumentException("orders must be >= 0, days and customers >= 1");
    }
    Random random = new Random(s.seed);
    long startMillis = s.start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long spanMillis = s.days * 86_400_000L;
    List<String> lines = new ArrayList<>(s.orders + 1);
    List<Label> truth = new ArrayList<>();
    lines.add(row(COLUMNS));
    boolean previousMalformed = false;
    for (int i = 0; i < s.orders; i++) {
      // Evenly spread in order, each jittered within its slot: times never go backwards.
      long slot = spanMillis / Math.max(1, s.orders);
      long time = startMillis + i * slot + (long) (random.nextDouble() * slot);
      Category category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
      String product = category.products().get(random.nextInt(category.products().size()));
      int quantity = 1 + random.nextInt(5);
      BigDecimal unitPrice =
          BigDecimal.valueOf(
                  category.minPrice()
                      + random.nextDouble() * (category.maxPrice() - category.minPrice()))
              .setScale(2, java.math.RoundingMode.HALF_EVEN);
      List<String> fields =
          new ArrayList<>(
              List.of(
                  String.format("ORD-%08d", i + 1),
                  String.format("CUST-%06d", 1 + random.nextInt(s.customers)),
                  category.name(),
                  product,
                  Integer.toString(quantity),
                  unitPrice.toPlainString(),
                  unitPrice.multiply(BigDecimal.valueOf(quantity)).toPlainString(),
                  WeightedChoice.pick(random, PAYMENT_METHODS, PAYMENT_WEIGHTS),
                  WeightedChoice.pick(random, CITIES, CITY_WEIGHTS),
                  TIME.format(Instant.ofEpochMilli(time))));
      String line;
      if (i > 0 && random.nextDouble() < s.malformedShare) {
        String defect = DEFECTS.get(random.nextInt(DEFECTS.size()));
        if (defect.equals("duplicate_order_id") && previousMalformed) {
          // It repeats the previous row's id, which counts only if that row was kept.
          defect = "short_row";
        }
        line = malformed(defect, fields, i);
        truth.add(new Label(lines.size() + 1, defect));
        previousMalformed = true;
      } else {
        line = row(fields);
        previousMalformed = false;
      }
      lines.add(line);
    }
    return new Output(lines, truth);
  }

  private static String malformed(String defect, List<String> fields, int index) {
    switch (defect) {
      case "short_row" -> fields.remove(fields.size() - 1);
      case "long_row" -> fields.add("extra");
      case "bad_quantity" -> fields.set(4, "three");
      case "negative_quantity" -> fields.set(4, "-2");
      case "bad_price" -> fields.set(5, "12.345.6");
      case "bad_timestamp" -> fields.set(9, "2025-13-45 25:61");
      case "unterminated_quote" -> {
        return row(fields.subList(0, 3)) + ",\"" + fields.get(3) + "," + row(fields.subList(4, 10));
      }
      case "duplicate_order_id" -> fields.set(0, String.format("ORD-%08d", index));
      default -> throw new IllegalStateException(defect);
    }
    return row(fields);
  }

  /** One CSV row, quoted where RFC 4180 needs it, without its line break. */
  static String row(List<String> fields) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
      printer.printRecord(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String written = out.toString();
    return written.substring(0, written.length() - 1);
  }

  /** Writes the orders file and its ground truth into the local folder {@code dir}. */
  public static void write(Output output, Path dir) {
    MalformedLines.write(output.lines(), output.groundTruth(), dir, ORDERS_FILE, GROUND_TRUTH_FILE);
  }

  /** Reads the ground truth written by {@link #write}. */
  public static List<Label> readGroundTruth(Path file) {
    return MalformedLines.read(file);
  }

  /** {@code CommerceGenerator --output DIR [--orders N] [--days D] [--start DATE] [--seed S]}. */
  public static void main(String[] args) {
    Settings s = new Settings();
    // One setting the generator does not hold: where its files go.
    String[] output = new String[1];
    boolean run =
        GeneratorArgs.apply(
            args,
            "Usage: CommerceGenerator --output DIR [--orders N (100000)] [--days D (30)]"
                + " [--start yyyy-MM-dd (2025-11-01)] [--customers N (20000)] [--seed S (42)]"
                + " [--malformed-share F (0.001)]\n"
                + "Writes DIR/orders.csv (a header, then one order per line) and DIR/ground-truth.jsonl"
                + " (the line and defect of each malformed row).",
            (name, value) -> {
              switch (name) {
                case "--output" -> output[0] = value;
                case "--orders" -> s.orders = Integer.parseInt(value);
                case "--days" -> s.days = Integer.parseInt(value);
                case "--start" -> s.start = LocalDate.parse(value);
                case "--customers" -> s.customers = Integer.parseInt(value);
                case "--seed" -> s.seed = Long.parseLong(value);
                case "--malformed-share" -> s.malformedShare = Double.parseDouble(value);
                default -> throw GeneratorArgs.unknown(name);
              }
            });
    if (!run) {
      return;
    }
    if (output[0] == null) {
      throw new IllegalArgumentException("give --output DIR; see --help");
    }
    Output generated = generate(s);
    write(generated, Path.of(output[0]));
    System.out.printf(
        "Wrote %,d orders (%,d of them malformed, listed in %s) to %s%n",
        generated.lines().size() - 1,
        generated.groundTruth().size(),
        GROUND_TRUTH_FILE,
        Path.of(output[0]).resolve(ORDERS_FILE).toAbsolutePath());
  }
}
