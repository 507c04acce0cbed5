package dev.tributary.testdata.game;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.testdata.GeneratorArgs;
import dev.tributary.testdata.MalformedLines;
import dev.tributary.testdata.MalformedLines.Label;
import dev.tributary.testdata.WeightedChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the events the game API relays to Kafka, as JSON lines, deterministically from a seed:
 * players (hosts) of unequal activity, the seed's six event types (mostly {@code default} play,
 * then purchases, then upgrades) plus posted {@code level_up} events with attributes, times in
 * order over the hours asked for, and a share of malformed lines whose line numbers and defects are
 * written as ground truth.
 */
public final class GameEventGenerator {
  public static final String EVENTS_FILE = "events.jsonl";
  public static final String GROUND_TRUTH_FILE = "ground-truth.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> EVENT_TYPES =
      List.of(
          "default",
          "purchase_sword",
          "purchase_shield",
          "purchase_knife",
          "upgrade_sword",
          "upgrade_shield",
          "level_up");
  private static final double[] EVENT_WEIGHTS = {37, 25, 29, 20, 10, 7, 5};

  private static final List<String> PROVIDERS =
      List.of("comcast.com", "att.com", "verizon.com", "spectrum.com", "fios.com");
  private static final List<String> AGENTS =
      List.of("ApacheBench/2.3", "BuildANation/1.4 (Android 14)", "BuildANation/1.4 (iOS 18.1)");

  private static final List<String> DEFECTS =
      List.of(
          "broken_json",
          "missing_event_type",
          "bad_event_type",
          "bad_timestamp",
          "duplicate_request_id");

  /** What to generate. */
  public static final class Settings {
    public long seed = 42;
    public int events = 10_000;
    public int players = 50;
    public LocalDate start = LocalDate.of(2025, 11, 1);
    public int hours = 24;

    /** The share of lines written malformed. */
    public double malformedShare = 0.01;
  }

  /** The lines and the ground truth of the malformed ones. */
  public record Output(List<String> lines, List<Label> groundTruth) {}

  private GameEventGenerator() {}

  /** The events of {@code s}; the same settings always give the same lines. */
  public static Output generate(Settings s) {
    if (s.events < 0 || s.players < 1 || s.hours < 1) {
      throw new IllegalArgumentException("events must be >= 0, players and hours >= 1");
    }
    Random random = new Random(s.seed);
    long startMillis = s.start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long slot = s.hours * 3_600_000L / Math.max(1, s.events);
    // Player i plays about 1/(i+1) as much as the first: a few players make most events.
    double[] playerWeights = new double[s.players];
    List<String> hosts = new ArrayList<>();
    for (int p = 0; p < s.players; p++) {
      playerWeights[p] = 1.0 / (p + 1);
      hosts.add("user" + (p + 1) + "." + PROVIDERS.get(p % PROVIDERS.size()));
    }
    List<String> lines = new ArrayList<>(s.events);
    List<Label> truth = new ArrayList<>();
    boolean previousMalformed = false;
    for (int i = 0; i < s.events; i++) {
      long time = startMillis + i * slot + (long) (random.nextDouble() * slot);
      String eventType = WeightedChoice.pick(random, EVENT_TYPES, EVENT_WEIGHTS);
      ObjectNode event = JSON.createObjectNode();
      event.put("request_id", String.format("req-%016x", random.nextLong()));
      event.put("event_type", eventType);
      event.put("Host", WeightedChoice.pick(random, hosts, playerWeights));
      event.put("User-Agent", AGENTS.get(random.nextInt(AGENTS.size())));
      event.put("Accept", "*/*");
      event.put("timestamp", Instant.ofEpochMilli(time).toString());
      if (eventType.equals("level_up")) {
        event.putObject("attributes").put("level", 2 + random.nextInt(40));
      }
      if (i > 0 && random.nextDouble() < s.malformedShare) {
        String defect = DEFECTS.get(random.nextInt(DEFECTS.size()));
        if (defect.equals("duplicate_request_id") && previousMalformed) {
          defect = "broken_json";
        }
        lines.add(malformed(defect, event, lines.get(lines.size() - 1)));
        truth.add(new Label(lines.size(), defect));
        previousMalformed = true;
      } else {
        lines.add(event.toString());
        previousMalformed = false;
      }
    }
    return new Output(lines, truth);
  }

  private static String malformed(String defect, ObjectNode event, String previousLine) {
    try {
      switch (defect) {
        case "broken_json" -> {
          String json = event.toString();
          return json.substring(0, json.length() / 2);
        }
        case "missing_event_type" -> event.remove("event_type");
        case "bad_event_type" -> event.put("event_type", "Purchase A Sword!");
        case "bad_timestamp" -> event.put("timestamp", "2025-13-45 25:61");
        case "duplicate_request_id" ->
            event.put("request_id", JSON.readTree(previousLine).get("request_id").asText());
        default -> throw new IllegalStateException(defect);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return event.toString();
  }

  /** Writes the events file and its ground truth into the local folder {@code dir}. */
  public static void write(Output output, Path dir) {
    MalformedLines.write(output.lines(), output.groundTruth(), dir, EVENTS_FILE, GROUND_TRUTH_FILE);
  }

  /** Reads the ground truth written by {@link #write}. */
  public static List<Label> readGroundTruth(Path file) {
    return MalformedLines.read(file);
  }

  /** {@code GameEventGenerator --output DIR [--events N] [--players P] [--hours H] [--seed S]}. */
  public static void main(String[] args) {
    Settings s = new Settings();
    // One setting the generator does not hold: where its files go.
    String[] output = new String[1];
    boolean run =
        GeneratorArgs.apply(
            args,
            "Usage: GameEventGenerator --output DIR [--events N (10000)] [--players N (50)]"
                + " [--hours H (24)] [--start yyyy-MM-dd (2025-11-01)] [--seed S (42)]"
                + " [--malformed-share F (0.01)]\n"
                + "Writes DIR/events.jsonl (one game API event per line) and DIR/ground-truth.jsonl"
                + " (the line and defect of each malformed line).",
            (name, value) -> {
              switch (name) {
                case "--output" -> output[0] = value;
                case "--events" -> s.events = Integer.parseInt(value);
                case "--players" -> s.players = Integer.parseInt(value);
                case "--hours" -> s.hours = Integer.parseInt(value);
                case "--start" -> s.start = LocalDate.parse(value);
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
        "Wrote %,d events (%,d of them malformed, listed in %s) to %s%n",
        generated.lines().size(),
        generated.groundTruth().size(),
        GROUND_TRUTH_FILE,
        Path.of(output[0]).resolve(EVENTS_FILE).toAbsolutePath());
  }
}
