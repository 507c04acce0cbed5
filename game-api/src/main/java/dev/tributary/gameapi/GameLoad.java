package dev.tributary.gameapi;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.http.HttpMethod;

/**
 * The load command: replays ab-style request mixes against the game API, as the seed does with
 * Apache Bench, or drives it at full speed or at a fixed rate and reports throughput and latency.
 *
 * <pre>
 *   GameLoad --base-url http://127.0.0.1:5000 --script test-data/game/seed-ab-commands.txt
 *   GameLoad --base-url http://127.0.0.1:5000 --requests 50000 --concurrency 64
 *   GameLoad --base-url http://127.0.0.1:5000 --rate 2000 --duration 30
 * </pre>
 */
public final class GameLoad implements AutoCloseable {
  /** At most this many requests in flight at a fixed rate; beyond it, sending waits. */
  private static final int MAX_IN_FLIGHT = 20_000;

  private final HttpClient http;

  public GameLoad() throws Exception {
    this.http = new HttpClient();
    http.setMaxConnectionsPerDestination(256);
    http.setMaxRequestsQueuedPerDestination(MAX_IN_FLIGHT * 2);
    http.setFollowRedirects(false);
    http.setConnectTimeout(5_000);
    http.start();
  }

  /** What to request: the same GET, sent again and again. */
  private record Target(URI url, Map<String, String> headers) {}

  /** Runs each command in turn, each with its own concurrency, into one report. */
  public LoadReport replay(List<AbCommand> commands) throws InterruptedException {
    LoadReport report = new LoadReport();
    for (AbCommand command : commands) {
      run(
          new Target(command.url(), command.headers()),
          command.requests(),
          command.concurrency(),
          report);
    }
    report.end();
    return report;
  }

  /** {@code requests} requests, {@code concurrency} at a time, as fast as they are answered. */
  public LoadReport closedLoop(URI url, Map<String, String> headers, int requests, int concurrency)
      throws InterruptedException {
    LoadReport report = new LoadReport();
    run(new Target(url, headers), requests, concurrency, report);
    report.end();
    return report;
  }

  private void run(Target target, int requests, int concurrency, LoadReport report)
      throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    for (int i = 0; i < requests; i++) {
      slots.acquire();
      send(target, System.nanoTime(), report, slots);
    }
    slots.acquire(concurrency);
  }

  /**
   * Sends at {@code perSecond} requests a second for {@code duration}, each when it is due whether
   * or not earlier ones were answered (an open loop), after {@code warmup} at the same rate that is
   * not counted.
   */
  public LoadReport fixedRate(
      URI url, Map<String, String> headers, double perSecond, Duration duration, Duration warmup)
      throws InterruptedException {
    Target target = new Target(url, headers);
    LoadReport warm = new LoadReport();
    if (!warmup.isZero()) {
      paced(target, perSecond, warmup, warm);
    }
    LoadReport report = new LoadReport();
    report.warmupOk(warm.ok());
    paced(target, perSecond, duration, report);
    report.end();
    return report;
  }

  private void paced(Target target, double perSecond, Duration duration, LoadReport report)
      throws InterruptedException {
    Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    long intervalNanos = (long) (1e9 / perSecond);
    long count = (long) (duration.toNanos() / (double) intervalNanos);
    long start = System.nanoTime();
    report.restart();
    for (long i = 0; i < count; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      slots.acquire();
      send(target, due, report, slots);
    }
    slots.acquire(MAX_IN_FLIGHT);
  }

  private void send(Target target, long dueNanos, LoadReport report, Semaphore slots) {
    Request request =
        http.newRequest(target.url()).method(HttpMethod.GET).timeout(30, TimeUnit.SECONDS);
    request.headers(fields -> target.headers().forEach(fields::put));
    request.send(
        result -> {
          if (result.isFailed()) {
            report.unanswered();
          } else {
            report.answered(
                result.getResponse().getStatus(), (System.nanoTime() - dueNanos) / 1_000);
          }
          slots.release();
        });
  }

  @Override
  public void close() throws Exception {
    http.stop();
  }

  /** Reads a file of ab command lines; blank lines and lines starting with '#' are skipped. */
  public static List<AbCommand> readScript(Path file) throws IOException {
    List<AbCommand> commands = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.trim().startsWith("#")) {
        commands.add(AbCommand.parse(line));
      }
    }
    return commands;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        System.out.println(
            "Usage: GameLoad --base-url URL (http://127.0.0.1:5000) and one of\n"
                + "  --script FILE                    replay ab command lines (the seed's), in turn\n"
                + "  --requests N [--concurrency C]   N requests, C at a time (16), at full speed\n"
                + "  --rate R --duration SECONDS [--warmup SECONDS (5)]  R requests/s, open loop\n"
                + "with [--path /purchase_a_sword (/)] [--host user1.comcast.com] for the last two.\n"
                + "Prints the answers by status, requests/s and latency p50/p99 (and one JSON line).");
        return;
      }
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "expected --option value, got " + args[i] + "; see --help");
      }
      given.put(args[i].substring(2), args[++i]);
    }
    URI base = URI.create(given.getOrDefault("base-url", "http://127.0.0.1:5000"));
    Map<String, String> headers = new LinkedHashMap<>();
    if (given.containsKey("host")) {
      headers.put("Host", given.get("host"));
    }
    URI url = base.resolve(given.getOrDefault("path", "/"));
    LoadReport report;
    try (GameLoad load = new GameLoad()) {
      if (given.containsKey("script")) {
        List<AbCommand> commands = new ArrayList<>();
        for (AbCommand command : readScript(Path.of(given.get("script")))) {
          commands.add(command.against(base));
        }
        report = load.replay(commands);
      } else if (given.containsKey("requests")) {
        report =
            load.closedLoop(
                url,
                headers,
                Integer.parseInt(given.get("requests")),
                Integer.parseInt(given.getOrDefault("concurrency", "16")));
      } else if (given.containsKey("rate")) {
        report =
            load.fixedRate(
                url,
                headers,
                Double.parseDouble(given.get("rate")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("duration", "30"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", "5"))));
      } else {
        throw new IllegalArgumentException("give --script, --requests or --rate; see --help");
      }
    }
    System.out.printf(
        "Answered %,d (by status %s), %,d without an answer, in %.1f s: %,.0f requests/s;"
            + " latency p50 %.2f ms, p99 %.2f ms%n",
        report.answered(),
        report.byStatus(),
        report.failed(),
        report.seconds(),
        report.perSecond(),
        report.percentileMillis(50),
        report.percentileMillis(99));
    System.out.println(report.toJson());
    if (report.failed() > 0 || report.ok() < report.answered()) {
      System.exit(1);
    }
  }
}
