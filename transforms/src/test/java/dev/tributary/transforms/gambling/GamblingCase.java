package dev.tributary.transforms.gambling;

import dev.tributary.testdata.gambling.GamblingGenerator;
import dev.tributary.testing.DomainCase;
import dev.tributary.transforms.ParseAttempt;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RawRecordCoder;
import dev.tributary.transforms.RecordParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Gambling in the shared harness: the committed sample's sessions, bets, transactions and events
 * (malformed lines and the injected risk cases among them, and a bet on no game) as the events, its
 * players and games as reference data, through {@link GamblingAnalysis} against {@link
 * GamblingModel}: every view, the alerts and the dead letters.
 */
public final class GamblingCase implements DomainCase {
  static final Duration ALLOWED_LATENESS = Duration.standardHours(2);
  private static final List<RawRecord> RAW = raw();

  /**
   * A small world, one case of each risk rule: the Direct runner judges each player's records in a
   * chain of timers, and a stream of the committed sample takes minutes.
   */
  private static List<RawRecord> raw() {
    GamblingGenerator.Settings settings = new GamblingGenerator.Settings();
    settings.seed = 5;
    settings.players = 16;
    settings.games = 8;
    settings.sessions = 60;
    settings.bets = 300;
    settings.days = 3;
    settings.casesPerRule = 1;
    settings.malformedShare = 0.02;
    List<RawRecord> raw = new ArrayList<>();
    GamblingGenerator.generate(settings)
        .files()
        .forEach((file, lines) -> raw.addAll(RawRecord.ofLines(file, lines)));
    raw.add(GamblingAnalysisTest.betOnNoGame());
    return raw;
  }

  private static boolean isReference(RawRecord record) {
    return GamblingKind.of(record.source, record.payload)
        .map(GamblingKind::isReference)
        .orElse(false);
  }

  private static ParseAttempt<?> attempt(RawRecord record) {
    Optional<GamblingKind> kind = GamblingKind.of(record.source, record.payload);
    RecordParser<?> parser =
        switch (kind.orElse(GamblingKind.BETS)) {
          case PLAYERS -> new PlayerParser();
          case GAMES -> new GameParser();
          case SESSIONS -> new SessionParser();
          case BETS -> new BetParser();
          case TRANSACTIONS -> new TransactionParser();
          case EVENTS -> new EventParser();
        };
    return ParseAttempt.of(parser, record);
  }

  @Override
  public String name() {
    return "gambling";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public List<TimestampedValue<RawRecord>> events() {
    List<RawRecord> events = new ArrayList<>();
    for (RawRecord record : RAW) {
      if (!isReference(record)) {
        events.add(record);
      }
    }
    return DomainCase.timedBy(GamblingCase::attempt, events, Instant.parse("2025-11-01T00:00:00Z"));
  }

  @Override
  public Duration allowedLateness() {
    return ALLOWED_LATENESS;
  }

  @Override
  public Map<String, PCollection<?>> apply(Pipeline pipeline, PCollection<RawRecord> events) {
    List<RawRecord> reference = RAW.stream().filter(GamblingCase::isReference).toList();
    GamblingOutputs outputs =
        events.apply(
            GamblingAnalysis.of(ALLOWED_LATENESS, Duration.standardMinutes(10))
                .withReferenceData(
                    pipeline.apply(
                        "Reference data", Create.of(reference).withCoder(RawRecordCoder.of()))));
    Map<String, PCollection<?>> all = new LinkedHashMap<>(outputs.views());
    all.put("alerts", outputs.alerts());
    all.put("deadLetters", outputs.deadLetters());
    return all;
  }

  @Override
  public Map<String, List<?>> model() {
    GamblingModel.Result expected = new GamblingModel().run(RAW);
    Map<String, List<?>> all = new LinkedHashMap<>(expected.views());
    all.put("alerts", expected.alerts());
    all.put("deadLetters", expected.deadLetters());
    return all;
  }
}
