package dev.tributary.transforms.gambling;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import java.math.BigDecimal;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * A bet from one JSON object. Its outcome must agree with its payout: a loss pays 0, a push pays
 * the stake back, a win pays more than the stake.
 */
public final class BetParser implements RecordParser<Bet> {
  @Override
  public Bet parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    BigDecimal stake = json.positiveDecimal("stake", 2, GamblingLimits.MAX_MONEY);
    BigDecimal payout = json.nonNegativeDecimal("payout", 2, GamblingLimits.MAX_MONEY);
    String outcome = json.oneOf("outcome", GamblingLimits.OUTCOMES);
    boolean agrees =
        switch (outcome) {
          case "loss" -> payout.signum() == 0;
          case "push" -> payout.compareTo(stake) == 0;
          default -> payout.compareTo(stake) > 0;
        };
    if (!agrees) {
      throw new InvalidRecordException(
          "a " + outcome + " cannot pay " + payout + " on a stake of " + stake);
    }
    return new Bet(
        json.text("bet_id"),
        json.text("player_id"),
        json.text("game_id"),
        json.text("session_id"),
        stake,
        payout,
        outcome,
        json.instant("placed_at"));
  }

  @Override
  public Instant eventTime(Bet bet) {
    return bet.placedAt;
  }

  @Override
  public TypeDescriptor<Bet> type() {
    return TypeDescriptor.of(Bet.class);
  }
}
