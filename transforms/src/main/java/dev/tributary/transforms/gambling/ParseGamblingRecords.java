package dev.tributary.transforms.gambling;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.Parse;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RawRecordCoder;
import dev.tributary.transforms.TributaryMetrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The first step of the gambling analysis: raw records of all six kinds in, told apart by their
 * source ({@link GamblingKind}), each parsed by its parser with unique ids (a player version by
 * player and time), out come the typed records and the dead letters (malformed, repeated ids, of no
 * kind, of a kind this input does not carry: {@link #eventsOnly} leaves players and games to a
 * reference input, {@link #referenceOnly} reads only them).
 *
 * <pre>
 *   raw records -> by kind -> Parse(PlayerParser | GameParser | ... , unique ids) -> GamblingRecords
 * </pre>
 */
public class ParseGamblingRecords extends PTransform<PCollection<RawRecord>, GamblingRecords> {
  public static final String NO_KIND_COUNTER = "gambling.noKind";

  private static final TupleTag<DeadLetter> NO_KIND = new TupleTag<>("noKind") {};
  private static final Map<GamblingKind, TupleTag<RawRecord>> TAGS = tags();

  /** Which kinds this input carries: all, only events (the stream) or only reference data. */
  private enum Carries {
    ALL,
    EVENTS,
    REFERENCE
  }

  private final Carries carries;

  private ParseGamblingRecords(Carries carries) {
    this.carries = carries;
  }

  /** Reads records of all six kinds. */
  public static ParseGamblingRecords allKinds() {
    return new ParseGamblingRecords(Carries.ALL);
  }

  /** Reads sessions, bets, transactions and events; players and games are dead letters. */
  public static ParseGamblingRecords eventsOnly() {
    return new ParseGamblingRecords(Carries.EVENTS);
  }

  /** Reads players and games; any other kind is a dead letter. */
  public static ParseGamblingRecords referenceOnly() {
    return new ParseGamblingRecords(Carries.REFERENCE);
  }

  private static Map<GamblingKind, TupleTag<RawRecord>> tags() {
    Map<GamblingKind, TupleTag<RawRecord>> tags = new EnumMap<>(GamblingKind.class);
    for (GamblingKind kind : GamblingKind.values()) {
      tags.put(kind, new TupleTag<>(kind.folder()) {});
    }
    return tags;
  }

  @Override
  public GamblingRecords expand(PCollection<RawRecord> raw) {
    TupleTagList kinds = TupleTagList.empty();
    for (GamblingKind kind : GamblingKind.values()) {
      kinds = kinds.and(TAGS.get(kind));
    }
    PCollectionTuple split =
        raw.apply("By kind", ParDo.of(new SplitFn(carries)).withOutputTags(NO_KIND, kinds));
    for (GamblingKind kind : GamblingKind.values()) {
      split.get(TAGS.get(kind)).setCoder(RawRecordCoder.of());
    }
    WithFailures.Result<PCollection<Player>, DeadLetter> players =
        split
            .get(TAGS.get(GamblingKind.PLAYERS))
            .apply(
                "Parse players",
                Parse.of("players", new PlayerParser())
                    .withUniqueIds(p -> p.playerId + "@" + p.updatedAt.getMillis()));
    WithFailures.Result<PCollection<Game>, DeadLetter> games =
        split
            .get(TAGS.get(GamblingKind.GAMES))
            .apply("Parse games", Parse.of("games", new GameParser()).withUniqueIds(g -> g.gameId));
    WithFailures.Result<PCollection<Session>, DeadLetter> sessions =
        split
            .get(TAGS.get(GamblingKind.SESSIONS))
            .apply(
                "Parse sessions",
                Parse.of("sessions", new SessionParser()).withUniqueIds(s -> s.sessionId));
    WithFailures.Result<PCollection<Bet>, DeadLetter> bets =
        split
            .get(TAGS.get(GamblingKind.BETS))
            .apply("Parse bets", Parse.of("bets", new BetParser()).withUniqueIds(b -> b.betId));
    WithFailures.Result<PCollection<Transaction>, DeadLetter> transactions =
        split
            .get(TAGS.get(GamblingKind.TRANSACTIONS))
            .apply(
                "Parse transactions",
                Parse.of("transactions", new TransactionParser())
                    .withUniqueIds(t -> t.transactionId));
    WithFailures.Result<PCollection<Event>, DeadLetter> events =
        split
            .get(TAGS.get(GamblingKind.EVENTS))
            .apply(
                "Parse events",
                Parse.of("events", new EventParser()).withUniqueIds(e -> e.eventId));
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(split.get(NO_KIND))
            .and(players.failures())
            .and(games.failures())
            .and(sessions.failures())
            .and(bets.failures())
            .and(transactions.failures())
            .and(events.failures())
            .apply("All dead letters", Flatten.pCollections());
    return new GamblingRecords(
        players.output(),
        games.output(),
        sessions.output(),
        bets.output(),
        transactions.output(),
        events.output(),
        deadLetters);
  }

  private static class SplitFn extends DoFn<RawRecord, DeadLetter> {
    private final Carries carries;
    private final Counter noKind = Metrics.counter(TributaryMetrics.NAMESPACE, NO_KIND_COUNTER);

    SplitFn(Carries carries) {
      this.carries = carries;
    }

    @ProcessElement
    public void process(@Element RawRecord record, MultiOutputReceiver out) {
      Optional<GamblingKind> kind = GamblingKind.of(record.source, record.payload);
      if (kind.isPresent()) {
        boolean reference = kind.get().isReference();
        if (carries == Carries.ALL || reference == (carries == Carries.REFERENCE)) {
          out.get(TAGS.get(kind.get())).output(record);
          return;
        }
        noKind.inc();
        out.get(NO_KIND)
            .output(
                DeadLetter.of(
                    record,
                    "ParseGamblingRecords",
                    reference
                        ? "players and games are read from the reference data, not this input"
                        : "only players and games are read from the reference data"));
        return;
      }
      noKind.inc();
      out.get(NO_KIND)
          .output(
              DeadLetter.of(
                  record,
                  "ParseGamblingRecords",
                  "the source names no kind of gambling record (topics gambling-bets,"
                      + " gambling-transactions, gambling-player-activity; folders players/,"
                      + " games/, sessions/, bets/, transactions/, events/)"));
    }
  }
}
