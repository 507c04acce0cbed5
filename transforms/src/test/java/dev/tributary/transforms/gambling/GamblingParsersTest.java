package dev.tributary.transforms.gambling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.RecordParser;
import java.math.BigDecimal;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The six gambling parsers: each reads the seed's JSON into its record with exact decimals, and
 * refuses, with a reason that names the field, what its record cannot be.
 */
class GamblingParsersTest {
  private static final String T = "2025-11-01T10:00:00Z";

  private static String refusal(RecordParser<?> parser, String payload) {
    return assertThrows(InvalidRecordException.class, () -> parser.parse(payload)).getMessage();
  }

  @Test
  void aPlayerWithItsDevices() throws InvalidRecordException {
    String json =
        "{\"player_id\":\"P1\",\"username\":\"ann\",\"country\":\"MT\",\"registration_date\":\""
            + T
            + "\",\"balance\":\"12.5\",\"kyc_status\":\"verified\",\"vip_tier\":\"gold\","
            + "\"device_ids\":[\"d1\",\"d2\"],\"updated_at\":\""
            + T
            + "\"}";
    Player player = new PlayerParser().parse(json);
    assertEquals(
        new Player(
            "P1",
            "ann",
            "MT",
            Instant.parse(T),
            new BigDecimal("12.50"),
            "verified",
            "gold",
            List.of("d1", "d2"),
            Instant.parse(T)),
        player);
    assertTrue(
        refusal(new PlayerParser(), json.replace("\"gold\"", "\"diamond\"")).contains("vip_tier"));
    assertTrue(
        refusal(new PlayerParser(), json.replace("[\"d1\",\"d2\"]", "\"d1\""))
            .contains("device_ids"));
    assertTrue(refusal(new PlayerParser(), json.replace("\"12.5\"", "-1")).contains("0 or more"));
  }

  @Test
  void aBetsOutcomeMustAgreeWithItsPayout() throws InvalidRecordException {
    String win =
        "{\"bet_id\":\"B1\",\"player_id\":\"P1\",\"game_id\":\"G1\",\"session_id\":\"S1\","
            + "\"stake\":10,\"payout\":25.5,\"outcome\":\"win\",\"placed_at\":\""
            + T
            + "\"}";
    Bet bet = new BetParser().parse(win);
    assertEquals(new BigDecimal("10.00"), bet.stake);
    assertEquals(new BigDecimal("25.50"), bet.payout);
    assertEquals(Instant.parse(T), new BetParser().eventTime(bet));
    new BetParser().parse(win.replace("25.5", "0").replace("\"win\"", "\"loss\""));
    new BetParser().parse(win.replace("25.5", "10").replace("\"win\"", "\"push\""));
    assertTrue(
        refusal(new BetParser(), win.replace("\"win\"", "\"loss\"")).contains("a loss cannot pay"));
    assertTrue(refusal(new BetParser(), win.replace("25.5", "5")).contains("a win cannot pay"));
    assertTrue(
        refusal(new BetParser(), win.replace("\"stake\":10", "\"stake\":0")).contains("stake"));
    assertTrue(refusal(new BetParser(), win.replace("25.5", "1e400")).contains("payout"));
  }

  @Test
  void aGamesLimitsAndRtp() throws InvalidRecordException {
    String json =
        "{\"game_id\":\"G1\",\"name\":\"Book\",\"provider\":\"NetEnt\",\"game_type\":\"slots\","
            + "\"rtp\":0.965,\"volatility\":\"high\",\"min_bet\":0.1,\"max_bet\":100}";
    Game game = new GameParser().parse(json);
    assertEquals(new BigDecimal("0.9650"), game.declaredRtp);
    assertEquals(RecordParser.TIMELESS, new GameParser().eventTime(game));
    assertTrue(refusal(new GameParser(), json.replace("100}", "0.05}")).contains("min_bet"));
    assertTrue(refusal(new GameParser(), json.replace("0.965", "0.12345")).contains("rtp"));
  }

  @Test
  void aSessionCannotEndBeforeItStarts() throws InvalidRecordException {
    String json =
        "{\"session_id\":\"S1\",\"player_id\":\"P1\",\"device_id\":\"d1\",\"platform\":\"mobile\","
            + "\"ip_address\":\"10.0.0.1\",\"country\":\"MT\",\"start_time\":\""
            + T
            + "\",\"end_time\":\"2025-11-01T10:30:00Z\"}";
    assertEquals("mobile", new SessionParser().parse(json).platform);
    assertTrue(
        refusal(new SessionParser(), json.replace("10:30:00", "09:30:00"))
            .contains("before it starts"));
    assertTrue(
        refusal(new SessionParser(), json.replace("\"mobile\"", "\"tablet\""))
            .contains("platform"));
  }

  @Test
  void transactionsAndEvents() throws InvalidRecordException {
    String deposit =
        "{\"transaction_id\":\"T1\",\"player_id\":\"P1\",\"transaction_type\":\"deposit\","
            + "\"amount\":\"50.00\",\"payment_method\":\"card\",\"status\":\"completed\",\"timestamp\":\""
            + T
            + "\"}";
    assertEquals(new BigDecimal("50.00"), new TransactionParser().parse(deposit).amount);
    assertTrue(
        refusal(new TransactionParser(), deposit.replace("\"deposit\"", "\"refund\""))
            .contains("transaction_type"));
    String login =
        "{\"event_id\":\"E1\",\"event_type\":\"login\",\"category\":\"audit\","
            + "\"details\":{\"ok\":true},\"timestamp\":\""
            + T
            + "\"}";
    Event event = new EventParser().parse(login);
    assertEquals("", event.playerId);
    assertEquals("{\"ok\":true}", event.details);
    assertTrue(
        refusal(new EventParser(), login.replace("{\"ok\":true}", "[1]")).contains("details"));
  }
}
