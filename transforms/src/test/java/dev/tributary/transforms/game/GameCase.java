package dev.tributary.transforms.game;

import dev.tributary.testdata.MalformedLines;
import dev.tributary.testdata.game.GameEventGenerator;
import dev.tributary.testing.DomainCase;
import dev.tributary.transforms.RawRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Game events in the shared harness: generated API events over three hours (malformed lines among
 * them) through {@link GameEventAnalysis}, against {@link GameModel}.
 */
public final class GameCase implements DomainCase {
  static final Duration ALLOWED_LATENESS = Duration.standardMinutes(30);
  private static final List<RawRecord> RAW = raw();

  private static List<RawRecord> raw() {
    GameEventGenerator.Settings settings = new GameEventGenerator.Settings();
    settings.seed = 5;
    settings.events = 400;
    settings.players = 6;
    settings.hours = 3;
    settings.start = LocalDate.of(2025, 11, 1);
    settings.malformedShare = 0.05;
    GameEventGenerator.Output output = GameEventGenerator.generate(settings);
    // A stream out of order keeps whichever of two events with one id comes first, the model the
    // first in the file: repeated ids are left out here (FirstOccurrenceTest covers them).
    Set<Long> repeated =
        output.groundTruth().stream()
            .filter(l -> l.defect().equals("duplicate_request_id"))
            .map(MalformedLines.Label::line)
            .collect(Collectors.toSet());
    List<RawRecord> raw = new ArrayList<>();
    List<String> lines = output.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (!repeated.contains(i + 1L)) {
        raw.add(RawRecord.ofLine("events.jsonl", i + 1, lines.get(i)));
      }
    }
    return raw;
  }

  @Override
  public String name() {
    return "game";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public List<TimestampedValue<RawRecord>> events() {
    return DomainCase.timedBy(new GameEventParser(), RAW, Instant.parse("2025-11-01T00:00:00Z"));
  }

  @Override
  public Duration allowedLateness() {
    return ALLOWED_LATENESS;
  }

  @Override
  public Map<String, PCollection<?>> apply(Pipeline pipeline, PCollection<RawRecord> events) {
    GameOutputs outputs =
        events.apply(GameEventAnalysis.of(ALLOWED_LATENESS, Duration.standardMinutes(1)));
    Map<String, PCollection<?>> all = new LinkedHashMap<>(outputs.views());
    all.put("events", outputs.events());
    all.put("purchases", outputs.purchases());
    all.put("deadLetters", outputs.deadLetters());
    return all;
  }

  @Override
  public Map<String, List<?>> model() {
    GameModel.Result expected = new GameModel().run(RAW);
    Map<String, List<?>> all = new LinkedHashMap<>(expected.views());
    all.put("events", expected.events());
    all.put("purchases", expected.purchases());
    all.put("deadLetters", expected.deadLetters());
    return all;
  }
}
