package dev.tributary.testdata;

/**
 * Holds a sender to a fixed rate: after the n-th message, waits until n / rate seconds have passed
 * since the start.
 */
public final class Pacer {
  private final double ratePerSecond;
  private final long started = System.nanoTime();

  /** A pacer for {@code ratePerSecond} messages per second; 0 or less means no waiting. */
  public Pacer(double ratePerSecond) {
    this.ratePerSecond = ratePerSecond;
  }

  /**
   * Waits until message number {@code sent} is due; false if interrupted (the interrupt is kept).
   */
  public boolean awaitTurn(long sent) {
    if (ratePerSecond <= 0) {
      return true;
    }
    long wait = started + (long) (sent * 1e9 / ratePerSecond) - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
