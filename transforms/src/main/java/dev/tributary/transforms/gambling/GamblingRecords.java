package dev.tributary.transforms.gambling;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.NamedOutputs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * The six kinds of gambling record as {@link ParseGamblingRecords} reads them, and its dead
 * letters.
 */
public final class GamblingRecords extends NamedOutputs {
  private final PCollection<Player> players;
  private final PCollection<Game> games;
  private final PCollection<Session> sessions;
  private final PCollection<Bet> bets;
  private final PCollection<Transaction> transactions;
  private final PCollection<Event> events;
  private final PCollection<DeadLetter> deadLetters;

  GamblingRecords(
      PCollection<Player> players,
      PCollection<Game> games,
      PCollection<Session> sessions,
      PCollection<Bet> bets,
      PCollection<Transaction> transactions,
      PCollection<Event> events,
      PCollection<DeadLetter> deadLetters) {
    super(
        players.getPipeline(),
        all(players, games, sessions, bets, transactions, events, deadLetters));
    this.players = players;
    this.games = games;
    this.sessions = sessions;
    this.bets = bets;
    this.transactions = transactions;
    this.events = events;
    this.deadLetters = deadLetters;
  }

  /**
   * These records with the players and games of {@code reference} (parsed from its own input), and
   * the dead letters of both.
   */
  GamblingRecords withReferenceFrom(GamblingRecords reference) {
    return new GamblingRecords(
        reference.players,
        reference.games,
        sessions,
        bets,
        transactions,
        events,
        PCollectionList.of(deadLetters)
            .and(reference.deadLetters)
            .apply("Dead letters with the reference data's", Flatten.pCollections()));
  }

  private static Map<String, PCollection<?>> all(PCollection<?>... collections) {
    Map<String, PCollection<?>> all = new LinkedHashMap<>();
    String[] names = {
      "players", "games", "sessions", "bets", "transactions", "events", "deadLetters"
    };
    for (int i = 0; i < names.length; i++) {
      all.put(names[i], collections[i]);
    }
    return all;
  }

  public PCollection<Player> players() {
    return players;
  }

  public PCollection<Game> games() {
    return games;
  }

  public PCollection<Session> sessions() {
    return sessions;
  }

  public PCollection<Bet> bets() {
    return bets;
  }

  public PCollection<Transaction> transactions() {
    return transactions;
  }

  public PCollection<Event> events() {
    return events;
  }

  /** Malformed records, repeated ids and records of no kind. */
  public PCollection<DeadLetter> deadLetters() {
    return deadLetters;
  }
}
