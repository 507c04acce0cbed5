package dev.tributary.runners.banking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The bench's results as Markdown tables, for the console, results.md and BENCHMARKS.md. */
final class BenchTables {
  private BenchTables() {}

  static String machine(JsonNode m) {
    String jvmArgs = m.path("engineJvmArgs").asText();
    return String.format(
        "Machine: %s, %d cores (%d used by the parallel engines), %d GB, %s, %s; each engine in its own JVM with -Xmx%s%s.%n",
        m.get("cpu").asText(),
        m.get("availableProcessors").asInt(),
        m.get("coresUsed").asInt(),
        m.get("memoryGb").asInt(),
        m.get("java").asText(),
        m.get("os").asText(),
        m.get("engineHeap").asText(),
        jvmArgs.isBlank() ? "" : " " + jvmArgs);
  }

  /**
   * One size's table: throughput, its ratio to plain Java overall and per core, CPU time and events
   * per CPU second against plain Java's (the steadier per-core measure), memory, and agreement.
   */
  static String batch(List<JsonNode> rows, int cores) {
    JsonNode reference =
        rows.stream()
            .filter(r -> r.get("engine").asText().equals("plain-java"))
            .findFirst()
            .orElse(rows.get(0));
    double base = reference.get("eventsPerSecond").asDouble();
    double baseCpu = reference.get("events").asDouble() / reference.get("cpuSeconds").asDouble();
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            "Batch fraud job, %,d events (alerts and dead letters compared with %s)%n%n",
            reference.get("events").asLong(), reference.get("engine").asText()));
    t.append(
        "| engine | cores | seconds | events/s | vs plain Java | per core vs plain Java | CPU s | per CPU second vs plain Java | peak RSS MB | dead letters | alerts | same alerts |\n");
    t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (JsonNode r : rows) {
      boolean single = r.get("engine").asText().equals("plain-java");
      int used = single ? 1 : cores;
      double eps = r.get("eventsPerSecond").asDouble();
      boolean same = agrees(r, reference);
      double cpu = r.get("cpuSeconds").asDouble();
      t.append(
          String.format(
              "| %s | %d | %.1f | %,d | %.2fx | %.2fx | %.1f | %.2fx | %,d | %,d | %,d | %s |%n",
              r.get("engine").asText(),
              used,
              r.get("seconds").asDouble(),
              Math.round(eps),
              eps / base,
              (eps / used) / base,
              cpu,
              (r.get("events").asDouble() / cpu) / baseCpu,
              r.get("peakRssMb").asLong(),
              r.get("deadLetters").asLong(),
              r.get("alerts").asLong(),
              same ? "yes" : "**NO**"));
    }
    return t.toString();
  }

  /**
   * What makes a run wrong rather than slow: an engine whose alerts, dead letters or event count
   * differ from plain Java's at the same size, or a streaming run that lost or duplicated alerts or
   * wrote other than the expected number of dead letters.
   */
  static List<String> disagreements(JsonNode results) {
    List<String> problems = new java.util.ArrayList<>();
    java.util.Map<Long, JsonNode> referenceBySize = new java.util.HashMap<>();
    for (JsonNode row : results.path("batch")) {
      if (row.get("engine").asText().equals("plain-java")) {
        referenceBySize.put(row.get("events").asLong(), row);
      }
    }
    for (JsonNode row : results.path("batch")) {
      JsonNode reference = referenceBySize.get(row.get("events").asLong());
      if (reference != null && !agrees(row, reference)) {
        problems.add(
            row.get("engine").asText()
                + " disagrees with plain-java at "
                + row.get("events")
                + " events: "
                + row);
      }
    }
    JsonNode streaming = results.path("streaming");
    if (!streaming.isMissingNode()
        && (streaming.get("lost").asLong() > 0 || streaming.get("duplicated").asLong() > 0)) {
      problems.add("streaming lost or duplicated alerts: " + streaming);
    }
    if (streaming.has("deadLetters")
        && streaming.get("deadLetters").asLong() != streaming.get("expectedDeadLetters").asLong()) {
      problems.add(
          "streaming wrote "
              + streaming.get("deadLetters")
              + " dead letters, the model expects "
              + streaming.get("expectedDeadLetters"));
    }
    return problems;
  }

  /**
   * Whether an engine's run found what the reference run found: same events, dead letters and
   * alerts.
   */
  private static boolean agrees(JsonNode row, JsonNode reference) {
    return row.get("alertDigest").asText().equals(reference.get("alertDigest").asText())
        && row.get("deadLetters").asLong() == reference.get("deadLetters").asLong()
        && row.get("events").asLong() == reference.get("events").asLong();
  }

  static String streaming(JsonNode s) {
    StringBuilder t = new StringBuilder();
    long warmUp = s.path("warmupEvents").asLong();
    t.append(
        String.format(
            "Streaming on Flink (embedded cluster, parallelism %d, JVM %s, checkpoints every %d ms%s): %,d events at %,d/s for %d s%s; "
                + "latency = alert appended to fraud-alerts minus its transaction sent, per-transaction rules%n%n",
            s.get("parallelism").asInt(),
            s.path("jvmFlags").asText(),
            s.get("checkpointingIntervalMs").asLong(),
            s.get("extraOptions").asText().isBlank() ? "" : ", " + s.get("extraOptions").asText(),
            s.get("sent").asLong(),
            s.get("targetRate").asInt(),
            s.get("durationSeconds").asInt(),
            warmUp == 0
                ? ", the job cold at the start"
                : String.format(
                    " after %d s of warm-up feed (%,d events of other accounts, not measured)",
                    s.get("warmupSeconds").asInt(), warmUp)));
    t.append(
        "| send rate (events/s) | sustained by the job (events/s) | alerts measured | p50 ms | p95 ms | p99 ms | max ms "
            + "| second half of the feed: p50 / p95 / p99 ms | warm-up feed (job cold): p50 / p95 / p99 ms | expected alerts | received | lost | duplicated |\n");
    t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    String coldStart =
        warmUp == 0
            ? "none"
            : String.format(
                "%d / %d / %d",
                s.get("warmupP50Ms").asLong(),
                s.get("warmupP95Ms").asLong(),
                s.get("warmupP99Ms").asLong());
    t.append(
        String.format(
            "| %,d | %,d | %,d | %d | %d | %d | %d | %d / %d / %d | %s | %,d | %,d | %,d | %,d |%n",
            s.get("sendRate").asLong(),
            s.get("sustainedRate").asLong(),
            s.get("latencySamples").asLong(),
            s.get("p50Ms").asLong(),
            s.get("p95Ms").asLong(),
            s.get("p99Ms").asLong(),
            s.get("maxMs").asLong(),
            s.get("secondHalfP50Ms").asLong(),
            s.get("secondHalfP95Ms").asLong(),
            s.get("secondHalfP99Ms").asLong(),
            coldStart,
            s.get("expectedAlerts").asLong(),
            s.get("receivedAlerts").asLong(),
            s.get("lost").asLong(),
            s.get("duplicated").asLong()));
    if (s.has("cpuSecondsBenchJvm")) {
      t.append(
          String.format(
              "%nCPU from the measured feed's start to its last alert: the job's JVM (with the feed's producer and the "
                  + "alerts' consumer) %.1f s, %.1f ms per 1,000 events; Kafka %.1f s; Elasticsearch %.1f s%n",
              s.get("cpuSecondsBenchJvm").asDouble(),
              s.get("benchJvmCpuMsPer1000Events").asDouble(),
              s.get("cpuSecondsKafka").asDouble(),
              s.get("cpuSecondsElasticsearch").asDouble()));
    }
    if (s.has("velocityWindow")) {
      t.append(
          String.format(
              "%nVelocity window %s, shrunk as the feed shrinks the generated day (--scaledVelocityWindow)%n",
              s.get("velocityWindow").asText()));
    }
    if (s.has("deadLetters")) {
      t.append(
          String.format(
              "%nDead letters (malformed lines of both feeds): %,d written, %,d expected%n",
              s.get("deadLetters").asLong(), s.get("expectedDeadLetters").asLong()));
    }
    if (s.has("hourBoundaryAtSecond")) {
      t.append(
          String.format(
              "%nThe watermark passed %s, the end of an hour, %.1f s into the measured feed%n",
              s.get("hourBoundary").asText(), s.get("hourBoundaryAtSecond").asDouble()));
    }
    if (s.has("per10s") && !s.get("per10s").isEmpty()) {
      List<String> p99s = new ArrayList<>();
      s.get("per10s")
          .forEach(stretch -> p99s.add(String.format("%,d", stretch.get("p99Ms").asLong())));
      t.append(
          String.format("%np99 ms per 10 s of the measured feed: %s%n", String.join(", ", p99s)));
    }
    if (s.has("velocityAlertsPer10s") && !s.get("velocityAlertsPer10s").isEmpty()) {
      List<String> counts = new ArrayList<>();
      s.get("velocityAlertsPer10s")
          .forEach(
              stretch ->
                  counts.add(
                      String.format(
                          "%d s: %,d + %,d",
                          stretch.get("fromSecond").asLong(),
                          stretch.get("measured").asLong(),
                          stretch.get("warmUp").asLong())));
      t.append(
          String.format(
              "%nVelocity alerts appended per 10 s from the measured feed's start, of its accounts + of the warm-up's: %s%n",
              String.join("; ", counts)));
    }
    return t.toString();
  }
}
