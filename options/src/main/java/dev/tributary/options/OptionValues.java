package dev.tributary.options;

import java.math.BigDecimal;
import org.joda.time.Duration;
import org.joda.time.format.ISOPeriodFormat;

/**
 * Reads option values that arrive as text (durations, decimals) into their types, with an error
 * that names the option and shows what it expects.
 */
public final class OptionValues {
  private OptionValues() {}

  /** An ISO-8601 duration such as PT5M, PT1H or P1D. */
  public static Duration duration(String option, String value) {
    try {
      return ISOPeriodFormat.standard().parsePeriod(value).toStandardDuration();
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          "--"
              + option
              + " must be an ISO-8601 duration such as PT5M, PT1H or P1D, got '"
              + value
              + "'",
          e);
    }
  }

  /** A decimal number such as 5000.00. */
  public static BigDecimal decimal(String option, String value) {
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + option + " must be a decimal number such as 5000.00, got '" + value + "'", e);
    }
  }
}
