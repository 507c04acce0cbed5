package dev.tributary.gameapi;

import java.util.concurrent.CountDownLatch;

/**
 * {@code GameApiMain [--port 5000] [--bind 127.0.0.1] [--bootstrap-servers 127.0.0.1:9092] [--topic
 * events] [--max-body-bytes 65536] [--rate-limit 0]}: runs the game API until stopped (Ctrl-C).
 */
public final class GameApiMain {
  private GameApiMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 5000;
    String bind = "127.0.0.1";
    String bootstrap = "127.0.0.1:9092";
    String topic = "events";
    long maxBodyBytes = 64 * 1024;
    double rateLimit = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(
            "Usage: GameApiMain [--port N (5000; 0 = any free port)] [--bind ADDRESS (127.0.0.1)]"
                + " [--bootstrap-servers HOST:PORT (127.0.0.1:9092)] [--topic NAME (events)]"
                + " [--max-body-bytes N (65536)] [--rate-limit R (0: none)]\n"
                + "Serves GET / /purchase_a_sword /purchase_a_shield /purchase_a_knife"
                + " /upgrade_a_sword /upgrade_a_shield, POST /events (a JSON object with event_type)"
                + " and GET /metrics. Each accepted request is answered once Kafka has stored its"
                + " event; 503 when Kafka is unavailable. --rate-limit R answers 429 to a client"
                + " (its Host header) that sends more than R requests per second.");
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + arg + " needs a value; see --help");
      }
      String value = args[++i];
      try {
        switch (arg) {
          case "--port" -> port = Integer.parseInt(value);
          case "--bind" -> bind = value;
          case "--bootstrap-servers" -> bootstrap = value;
          case "--topic" -> topic = value;
          case "--max-body-bytes" -> maxBodyBytes = Long.parseLong(value);
          case "--rate-limit" -> rateLimit = Double.parseDouble(value);
          default -> throw new IllegalArgumentException("unknown option " + arg + "; see --help");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "option " + arg + " must be a number, got '" + value + "'", e);
      }
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be from 0 to 65535, got " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("--max-body-bytes must be positive, got " + maxBodyBytes);
    }
    if (!(rateLimit >= 0)) {
      throw new IllegalArgumentException(
          "--rate-limit must be 0 (none) or a positive rate, got " + rateLimit);
    }
    GameApi api =
        GameApi.start(new EventPublisher(bootstrap, topic), bind, port, maxBodyBytes, rateLimit);
    Runtime.getRuntime().addShutdownHook(new Thread(api::close, "stop-game-api"));
    // The line the test extensions wait for.
    System.out.println("TRIBUTARY-READY url=http://" + bind + ":" + api.port() + "/");
    new CountDownLatch(1).await();
  }
}
