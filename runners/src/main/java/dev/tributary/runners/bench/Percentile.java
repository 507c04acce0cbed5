package dev.tributary.runners.bench;

/** The nearest-rank percentile of sorted latencies, as every bench reports them. */
public final class Percentile {
  private Percentile() {}

  /** The {@code p}-th percentile of {@code sorted} (ascending); NaN when it is empty. */
  public static double of(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[rank(sorted.length, p)];
  }

  /** The {@code p}-th percentile of {@code sorted} (ascending); -1 when it is empty. */
  public static long of(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[rank(sorted.length, p)];
  }

  private static int rank(int length, double p) {
    int index = (int) Math.ceil(p / 100.0 * length) - 1;
    return Math.max(0, Math.min(length - 1, index));
  }
}
