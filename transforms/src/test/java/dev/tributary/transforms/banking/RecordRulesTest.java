package dev.tributary.transforms.banking;

import static dev.tributary.transforms.banking.BankingEvents.HOME_DE;
import static dev.tributary.transforms.banking.BankingEvents.enriched;
import static dev.tributary.transforms.banking.BankingEvents.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tributary.detect.Alert;
import java.math.BigDecimal;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The single-transaction rules at and around their thresholds. */
class RecordRulesTest {
  private final LargeAmountRule large = new LargeAmountRule(new BigDecimal("5000.00"));
  private final ForeignCountryRule foreign = new ForeignCountryRule(new BigDecimal("1000.00"));

  @Test
  void largeAmountIsStrictlyAboveTheThreshold() {
    assertNull(
        large.check(enriched(tx("t1", "a1", "5000.00", "DE", "2026-03-02T10:00:00Z"), HOME_DE)));
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    assertEquals(
        Alert.ofRecord("large_amount", "HIGH", "account", "a1", "t2", new BigDecimal("5000.01"), t),
        large.check(enriched(tx("t2", "a1", "5000.01", "DE", "2026-03-02T10:00:00Z"), null)));
  }

  @Test
  void foreignCountryNeedsAnotherCountryAndAnAmountAboveTheThreshold() {
    assertNull(
        foreign.check(enriched(tx("t1", "a1", "4000.00", "DE", "2026-03-02T10:00:00Z"), HOME_DE)));
    assertNull(
        foreign.check(enriched(tx("t2", "a1", "1000.00", "FR", "2026-03-02T10:00:00Z"), HOME_DE)));
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    assertEquals(
        Alert.ofRecord(
            "foreign_country", "MEDIUM", "account", "a1", "t3", new BigDecimal("1000.01"), t),
        foreign.check(enriched(tx("t3", "a1", "1000.01", "FR", "2026-03-02T10:00:00Z"), HOME_DE)));
  }

  @Test
  void foreignCountryCannotJudgeAnAccountWithoutReferenceData() {
    assertNull(
        foreign.check(enriched(tx("t1", "zz", "4000.00", "FR", "2026-03-02T10:00:00Z"), null)));
  }
}
