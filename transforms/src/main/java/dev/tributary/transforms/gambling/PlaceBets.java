package dev.tributary.transforms.gambling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.ReferenceMap;
import dev.tributary.transforms.TributaryMetrics;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Each bet with its game from the catalogue (a side input of the games): a {@link PlacedBet}; a bet
 * on a game the catalogue does not hold is a dead letter ({@code bet <id>}, its JSON), counted as
 * {@code gambling.unknownGame}.
 */
public class PlaceBets extends PTransform<PCollection<Bet>, PCollectionTuple> {
  public static final TupleTag<PlacedBet> PLACED = new TupleTag<>("placed") {};
  public static final TupleTag<DeadLetter> UNKNOWN_GAME = new TupleTag<>("unknownGame") {};
  public static final String STEP = "PlaceBets";

  private final PCollection<Game> games;

  private PlaceBets(PCollection<Game> games) {
    this.games = games;
  }

  /** Places bets on {@code games}, the catalogue. */
  public static PlaceBets on(PCollection<Game> games) {
    return new PlaceBets(games);
  }

  @Override
  public PCollectionTuple expand(PCollection<Bet> bets) {
    PCollectionView<Map<String, Game>> catalogue =
        games
            .apply(
                "By game id",
                WithKeys.of((Game g) -> g.gameId).withKeyType(TypeDescriptors.strings()))
            .apply("Catalogue", ReferenceMap.of());
    return bets.apply(
        "With their games",
        ParDo.of(new PlaceFn(catalogue))
            .withSideInputs(catalogue)
            .withOutputTags(PLACED, TupleTagList.of(UNKNOWN_GAME)));
  }

  /** A bet as JSON, the payload of its dead letter. */
  static String json(Bet bet) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("bet_id", bet.betId);
    node.put("player_id", bet.playerId);
    node.put("game_id", bet.gameId);
    node.put("session_id", bet.sessionId);
    node.put("stake", bet.stake.toPlainString());
    node.put("payout", bet.payout.toPlainString());
    node.put("outcome", bet.outcome);
    node.put("placed_at", bet.placedAt.toString());
    return node.toString();
  }

  static DeadLetter unknownGame(Bet bet) {
    return new DeadLetter(
        "bet " + bet.betId, STEP, "its game " + bet.gameId + " is not in the catalogue", json(bet));
  }

  private static class PlaceFn extends DoFn<Bet, PlacedBet> {
    private final PCollectionView<Map<String, Game>> catalogue;
    private final Counter unknown =
        Metrics.counter(TributaryMetrics.NAMESPACE, "gambling.unknownGame");

    PlaceFn(PCollectionView<Map<String, Game>> catalogue) {
      this.catalogue = catalogue;
    }

    @ProcessElement
    public void process(@Element Bet bet, ProcessContext context) {
      Game game = context.sideInput(catalogue).get(bet.gameId);
      if (game == null) {
        unknown.inc();
        context.output(UNKNOWN_GAME, unknownGame(bet));
      } else {
        context.output(PlacedBet.of(bet, game));
      }
    }
  }
}
