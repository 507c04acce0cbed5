package dev.tributary.testdata.gambling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.testdata.AnyFileSystem;
import dev.tributary.testdata.GeneratorArgs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the seed's six entities deterministically from a seed, as JSON lines in its layout
 * ({@code <base>/<entity>/<entity>.json}: players, games, sessions, bets, transactions, events),
 * with the seed's defaults (200 players, 100 games, 1,000 sessions, 5,000 bets, about 645
 * transactions and 1,700 events; {@code scale} multiplies players, sessions and bets). Normal
 * behaviour never trips a risk rule; {@link RiskInjector} adds behaviour that does, each case
 * labelled with its rule, subject and records. A share of lines is malformed, also labelled.
 */
public final class GamblingGenerator {
  public static final List<String> ENTITIES =
      List.of("players", "games", "sessions", "bets", "transactions", "events");
  public static final String GROUND_TRUTH_FILE = "ground-truth.jsonl";

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> COUNTRIES = List.of("MT", "GB", "DE", "SE", "FI", "CA", "NZ", "IE");
  static final List<String> PAYMENT_METHODS =
      List.of("card", "bank_transfer", "e_wallet", "crypto", "prepaid");
  private static final List<String> PROVIDERS =
      List.of("NetEnt", "Microgaming", "Playtech", "Evolution", "Pragmatic", "Yggdrasil");
  private static final List<String> GAME_TYPES =
      List.of("slots", "roulette", "blackjack", "poker", "baccarat", "live");
  private static final List<String> TIERS = List.of("bronze", "silver", "gold", "platinum");
  private static final List<String> DEFECTS =
      List.of("broken_json", "missing_field", "bad_amount", "bad_timestamp");

  /** What to generate. */
  public static final class Settings {
    public long seed = 42;
    public LocalDate start = LocalDate.of(2025, 11, 1);
    public int days = 7;
    public int players = 200;
    public int games = 100;
    public int sessions = 1_000;
    public int bets = 5_000;

    /** Multiplies players, sessions and bets. */
    public int scale = 1;

    public double malformedShare = 0.002;

    /** How many cases of each risk rule to inject. */
    public int casesPerRule = 3;
  }

  /** A malformed line: its file (relative to the base), line number and defect. */
  public record Malformed(String file, long line, String defect) {}

  /** An injected case of a risk rule: its subject (a player or device) and its records' ids. */
  public record Risk(String rule, String subject, List<String> recordIds) {}

  /** The files by path relative to the base, and the ground truth. */
  public record Output(
      Map<String, List<String>> files, List<Malformed> malformed, List<Risk> risks) {
    public long records() {
      return files.values().stream().mapToLong(List::size).sum();
    }
  }

  private GamblingGenerator() {}

  /** The world being generated: each entity's records, in the order they are written. */
  static final class World {
    final Random random;
    final Instant start;
    final long seconds;
    final Map<String, List<ObjectNode>> records = new LinkedHashMap<>();
    final List<Risk> risks = new ArrayList<>();
    final Map<Integer, String> countryOf = new java.util.HashMap<>();

    /** The second from which each player plays: 0, or its registration if that is later. */
    final Map<Integer, Long> activeFrom = new java.util.HashMap<>();

    int nextId = 0;

    World(Settings s) {
      random = new Random(s.seed);
      start = s.start.atStartOfDay(ZoneOffset.UTC).toInstant();
      seconds = s.days * 86_400L;
      ENTITIES.forEach(e -> records.put(e, new ArrayList<>()));
    }

    String id(String prefix) {
      return String.format("%s%06d", prefix, ++nextId);
    }

    Instant at(long second) {
      return start.plusSeconds(second);
    }

    ObjectNode add(String entity) {
      ObjectNode node = JSON.createObjectNode();
      records.get(entity).add(node);
      return node;
    }
  }

  /** Every fourth player (those with this remainder) registered around the start. */
  private static final int RECENT = 3;

  public static Output generate(Settings s) {
    if (s.players < 1 || s.games < 1 || s.sessions < 1 || s.bets < 0 || s.scale < 1) {
      throw new IllegalArgumentException(
          "players, games, sessions and scale must be at least 1 and bets at least 0");
    }
    World w = new World(s);
    int players = s.players * s.scale;
    for (int p = 0; p < players; p++) {
      ObjectNode player = w.add("players");
      player.put("player_id", playerId(p));
      player.put("username", "player" + Integer.toString(p * 7919 + 101, 36));
      String country = COUNTRIES.get(w.random.nextInt(COUNTRIES.size()));
      w.countryOf.put(p, country);
      player.put("country", country);
      long registered = -86_400L * (1 + w.random.nextInt(900));
      if (p % 4 == RECENT) {
        // A recent player, registered from 3 days before the start to 3 days after it: the
        // cohorts whose next-day and seventh-day activity the data holds.
        registered = -3 * 86_400L + new Random(s.seed * 7_919 + p).nextInt(6 * 86_400);
      }
      w.activeFrom.put(p, Math.min(Math.max(0, registered), w.seconds / 2));
      player.put("registration_date", w.at(registered).toString());
      player.put("balance", money(w.random.nextInt(500_000)));
      player.put("kyc_status", w.random.nextInt(10) < 8 ? "verified" : "pending");
      player.put("vip_tier", TIERS.get(Math.min(3, (int) (-Math.log(1 - w.random.nextDouble())))));
      player.putArray("device_ids").add(deviceId(p, 0)).add(deviceId(p, 1));
      player.put("updated_at", w.at(0).toString());
    }
    for (int g = 0; g < s.games; g++) {
      ObjectNode game = w.add("games");
      game.put("game_id", String.format("G%04d", g + 1));
      game.put("name", "Game " + (g + 1));
      game.put("provider", PROVIDERS.get(g % PROVIDERS.size()));
      game.put("game_type", GAME_TYPES.get(w.random.nextInt(GAME_TYPES.size())));
      game.put("rtp", String.format("0.%04d", 9_400 + w.random.nextInt(500)));
      game.put("volatility", List.of("low", "medium", "high").get(w.random.nextInt(3)));
      game.put("min_bet", "0.10");
      game.put("max_bet", "5000.00");
    }
    NormalPlay.generate(w, s, players);
    RiskInjector.inject(w, s, players);
    return lines(w, s);
  }

  static String playerId(int p) {
    return String.format("P%05d", p + 1);
  }

  static String deviceId(int p, int n) {
    return String.format("dev-%05d-%d", p + 1, n);
  }

  static String ipOf(int p) {
    return "10." + (p / 65_536 % 256) + "." + (p / 256 % 256) + "." + (p % 256);
  }

  /** Cents as a decimal with two places. */
  static String money(long cents) {
    return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static Output lines(World w, Settings s) {
    Map<String, List<String>> files = new LinkedHashMap<>();
    List<Malformed> malformed = new ArrayList<>();
    for (String entity : ENTITIES) {
      String file = entity + "/" + entity + ".json";
      List<String> lines = new ArrayList<>();
      List<ObjectNode> records = new ArrayList<>(w.records.get(entity));
      records.sort(java.util.Comparator.comparing(GamblingGenerator::timeOf));
      // Games are reference data the others need: never broken.
      boolean mayBreak = !entity.equals("games") && !entity.equals("players");
      for (ObjectNode record : records) {
        if (mayBreak && !record.has("_keep") && w.random.nextDouble() < s.malformedShare) {
          String defect = DEFECTS.get(w.random.nextInt(DEFECTS.size()));
          lines.add(malformed(defect, record));
          malformed.add(new Malformed(file, lines.size(), defect));
        } else {
          record.remove("_keep");
          lines.add(record.toString());
        }
      }
      files.put(file, lines);
    }
    return new Output(files, malformed, w.risks);
  }

  /** A record's time, for the order of its file; games have none. */
  private static String timeOf(ObjectNode record) {
    for (String field : List.of("placed_at", "start_time", "timestamp", "updated_at")) {
      if (record.has(field)) {
        return record.get(field).asText();
      }
    }
    return "";
  }

  private static String malformed(String defect, ObjectNode record) {
    ObjectNode broken = record.deepCopy();
    broken.remove("_keep");
    switch (defect) {
      case "broken_json" -> {
        String text = broken.toString();
        return text.substring(0, text.length() / 2);
      }
      case "missing_field" -> broken.remove(broken.fieldNames().next());
      case "bad_amount" -> {
        for (String field : List.of("stake", "amount")) {
          if (broken.has(field)) {
            broken.put(field, "lots");
            return broken.toString();
          }
        }
        // No amount (a session, an event): its time is what breaks.
        for (String field : List.of("start_time", "timestamp")) {
          if (broken.has(field)) {
            broken.put(field, "yesterday");
            return broken.toString();
          }
        }
      }
      case "bad_timestamp" -> {
        for (String field : List.of("placed_at", "start_time", "timestamp")) {
          if (broken.has(field)) {
            broken.put(field, "2025-13-45T25:61:00Z");
          }
        }
      }
      default -> throw new IllegalStateException(defect);
    }
    return broken.toString();
  }

  /** Writes the files under {@code location} (local or hdfs://) and the ground truth beside. */
  public static void write(Output output, String location) {
    AnyFileSystem.prepare(location);
    String base = location.replaceAll("/+$", "");
    output.files().forEach((file, lines) -> AnyFileSystem.writeLines(base + "/" + file, lines));
    List<String> truth = new ArrayList<>();
    for (Malformed m : output.malformed()) {
      ObjectNode node = JSON.createObjectNode();
      node.put("kind", "malformed").put("file", m.file()).put("line", m.line());
      node.put("defect", m.defect());
      truth.add(node.toString());
    }
    for (Risk r : output.risks()) {
      ObjectNode node = JSON.createObjectNode();
      node.put("kind", "risk").put("rule", r.rule()).put("subject", r.subject());
      r.recordIds().forEach(node.putArray("records")::add);
      truth.add(node.toString());
    }
    AnyFileSystem.writeLines(base + "/" + GROUND_TRUTH_FILE, truth);
  }

  /** {@code GamblingGenerator --output DIR [--scale 1] [--seed 42] ...}. */
  public static void main(String[] args) {
    Settings s = new Settings();
    String[] output = new String[1];
    boolean run =
        GeneratorArgs.apply(
            args,
            "Usage: GamblingGenerator --output DIR|hdfs://HOST:PORT/PATH [--scale N (1)]"
                + " [--players N (200)] [--games N (100)] [--sessions N (1000)] [--bets N (5000)]"
                + " [--days N (7)] [--start yyyy-MM-dd (2025-11-01)] [--seed S (42)]"
                + " [--malformed-share F (0.002)] [--cases-per-rule N (3)]\n"
                + "Writes players/, games/, sessions/, bets/, transactions/ and events/ (JSON lines,"
                + " <entity>/<entity>.json) and ground-truth.jsonl (malformed lines; injected risk cases).",
            (name, value) -> {
              switch (name) {
                case "--output" -> output[0] = value;
                case "--scale" -> s.scale = Integer.parseInt(value);
                case "--players" -> s.players = Integer.parseInt(value);
                case "--games" -> s.games = Integer.parseInt(value);
                case "--sessions" -> s.sessions = Integer.parseInt(value);
                case "--bets" -> s.bets = Integer.parseInt(value);
                case "--days" -> s.days = Integer.parseInt(value);
                case "--start" -> s.start = LocalDate.parse(value);
                case "--seed" -> s.seed = Long.parseLong(value);
                case "--malformed-share" -> s.malformedShare = Double.parseDouble(value);
                case "--cases-per-rule" -> s.casesPerRule = Integer.parseInt(value);
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
    write(generated, output[0]);
    Map<String, Integer> counts = new LinkedHashMap<>();
    generated.files().forEach((file, lines) -> counts.put(file, lines.size()));
    System.out.printf(
        "Wrote %s (%,d malformed, %d risk cases, listed in %s) under %s%n",
        counts,
        generated.malformed().size(),
        generated.risks().size(),
        GROUND_TRUTH_FILE,
        output[0]);
  }
}
