package dev.tributary.gameapi;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the API did, counted: events stored by type, and requests answered by status (200, 400, 404,
 * 405, 413, 503). Served as JSON at {@code GET /metrics}.
 */
public final class ApiMetrics {
  private final Map<String, LongAdder> stored = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

  void stored(String eventType) {
    stored.computeIfAbsent(eventType, t -> new LongAdder()).increment();
  }

  void answered(int status) {
    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  /** Events stored in Kafka, by event type. */
  public Map<String, Long> storedByEventType() {
    Map<String, Long> out = new TreeMap<>();
    stored.forEach((type, n) -> out.put(type, n.sum()));
    return out;
  }

  /** Requests answered, by HTTP status. */
  public Map<String, Long> answeredByStatus() {
    Map<String, Long> out = new TreeMap<>();
    byStatus.forEach((status, n) -> out.put(Integer.toString(status), n.sum()));
    return out;
  }
}
