package dev.tributary.transforms.banking;

import java.io.Serializable;
import java.math.BigDecimal;
import org.joda.time.Duration;

/**
 * The banking rules' parameters, shared by the pipeline and the plain-Java model so that both apply
 * the very same definitions. {@link #DEFAULTS} are the values in the README.
 */
public final class FraudThresholds implements Serializable {
  public static final FraudThresholds DEFAULTS =
      new FraudThresholds(
          new BigDecimal("5000.00"),
          5,
          Duration.standardMinutes(5),
          new BigDecimal("1000.00"),
          Duration.standardMinutes(5));

  /** A transaction is a large amount when its amount is strictly greater than this. */
  public final BigDecimal largeAmount;

  /** A transaction triggers velocity when at least this many of its account's transactions... */
  public final int velocityCount;

  /** ...have an event time in (t - velocityWindow, t]. */
  public final Duration velocityWindow;

  /**
   * A transaction abroad triggers foreign_country when its amount is strictly greater than this.
   */
  public final BigDecimal foreignAmount;

  /** How late (in event time, behind the watermark) a transaction may arrive and still count. */
  public final Duration allowedLateness;

  public FraudThresholds(
      BigDecimal largeAmount,
      int velocityCount,
      Duration velocityWindow,
      BigDecimal foreignAmount,
      Duration allowedLateness) {
    if (velocityCount < 1) {
      throw new IllegalArgumentException("velocity count must be at least 1, got " + velocityCount);
    }
    if (!velocityWindow.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("velocity window must be positive, got " + velocityWindow);
    }
    if (allowedLateness.isShorterThan(Duration.ZERO)) {
      throw new IllegalArgumentException(
          "allowed lateness must not be negative, got " + allowedLateness);
    }
    this.largeAmount = largeAmount;
    this.velocityCount = velocityCount;
    this.velocityWindow = velocityWindow;
    this.foreignAmount = foreignAmount;
    this.allowedLateness = allowedLateness;
  }

  @Override
  public String toString() {
    return "large_amount > "
        + largeAmount
        + "; velocity >= "
        + velocityCount
        + " in "
        + velocityWindow
        + "; foreign_country > "
        + foreignAmount
        + "; allowed lateness "
        + allowedLateness;
  }
}
