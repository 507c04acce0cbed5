package dev.tributary.transforms.gambling;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import java.math.BigDecimal;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * A game of the catalogue from one JSON object. Reference data: it holds for all time. Its minimum
 * bet may not exceed its maximum.
 */
public final class GameParser implements RecordParser<Game> {
  @Override
  public Game parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    BigDecimal minBet = json.positiveDecimal("min_bet", 2, GamblingLimits.MAX_MONEY);
    BigDecimal maxBet = json.positiveDecimal("max_bet", 2, GamblingLimits.MAX_MONEY);
    if (minBet.compareTo(maxBet) > 0) {
      throw new InvalidRecordException("min_bet " + minBet + " is more than max_bet " + maxBet);
    }
    return new Game(
        json.text("game_id"),
        json.text("name"),
        json.text("provider"),
        json.oneOf("game_type", GamblingLimits.GAME_TYPES),
        json.positiveDecimal("rtp", 4, GamblingLimits.MAX_RTP),
        json.oneOf("volatility", GamblingLimits.VOLATILITIES),
        minBet,
        maxBet);
  }

  @Override
  public Instant eventTime(Game game) {
    return TIMELESS;
  }

  @Override
  public TypeDescriptor<Game> type() {
    return TypeDescriptor.of(Game.class);
  }
}
