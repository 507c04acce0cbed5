package dev.tributary.gameapi;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a load run saw: requests sent and answered by status, how long it took and the latency
 * distribution. Latency runs from when a request was due to be sent, so that a slow server cannot
 * hide its queueing (no coordinated omission).
 */
public final class LoadReport {
  private final Histogram latencyMicros = new Histogram(60_000_000L, 3);
  private final Map<Integer, Long> byStatus = new TreeMap<>();
  private long failed;
  private long warmupOk;
  private long startNanos = System.nanoTime();
  private long endNanos;

  synchronized void answered(int status, long micros) {
    byStatus.merge(status, 1L, Long::sum);
    latencyMicros.recordValue(Math.min(micros, latencyMicros.getHighestTrackableValue()));
  }

  synchronized void unanswered() {
    failed++;
  }

  /** A fixed-rate run's warm-up answers 200 too: counted apart, not measured. */
  void warmupOk(long ok) {
    warmupOk = ok;
  }

  public long warmupOk() {
    return warmupOk;
  }

  void restart() {
    startNanos = System.nanoTime();
  }

  void end() {
    endNanos = System.nanoTime();
  }

  public synchronized long answered() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  public synchronized long ok() {
    return byStatus.getOrDefault(200, 0L);
  }

  /** Requests that got no HTTP answer at all (connection refused, reset, timed out). */
  public synchronized long failed() {
    return failed;
  }

  public synchronized Map<Integer, Long> byStatus() {
    return new TreeMap<>(byStatus);
  }

  public double seconds() {
    return (endNanos - startNanos) / 1e9;
  }

  public double perSecond() {
    return answered() / seconds();
  }

  public synchronized double percentileMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** One line of JSON, for the bench to read. */
  public String toJson() {
    return String.format(
        java.util.Locale.ROOT,
        "{\"answered\":%d,\"ok\":%d,\"warmupOk\":%d,\"failed\":%d,\"byStatus\":%s,\"seconds\":%.3f,"
            + "\"perSecond\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f}",
        answered(),
        ok(),
        warmupOk,
        failed(),
        new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(byStatus()),
        seconds(),
        perSecond(),
        percentileMillis(50),
        percentileMillis(99),
        percentileMillis(100));
  }
}
