package dev.tributary.transforms.gambling;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.JsonFields;
import dev.tributary.transforms.RecordParser;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/** A player account from one JSON object with the seed's snake_case fields. */
public final class PlayerParser implements RecordParser<Player> {
  @Override
  public Player parse(String payload) throws InvalidRecordException {
    JsonFields json = JsonFields.of(payload);
    return new Player(
        json.text("player_id"),
        json.text("username"),
        json.countryCode("country"),
        json.instant("registration_date"),
        json.nonNegativeDecimal("balance", 2, GamblingLimits.MAX_MONEY),
        json.oneOf("kyc_status", GamblingLimits.KYC_STATUSES),
        json.oneOf("vip_tier", GamblingLimits.VIP_TIERS),
        json.textList("device_ids"),
        json.instant("updated_at"));
  }

  @Override
  public Instant eventTime(Player player) {
    return player.updatedAt;
  }

  @Override
  public TypeDescriptor<Player> type() {
    return TypeDescriptor.of(Player.class);
  }
}
