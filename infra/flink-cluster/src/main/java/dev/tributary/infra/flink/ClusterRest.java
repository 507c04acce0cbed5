package dev.tributary.infra.flink;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;

/** The JobManager's REST endpoint, asked until it says what a starting process waits for. */
final class ClusterRest {
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  ClusterRest(Configuration conf) {
    this.base = "http://" + conf.get(RestOptions.ADDRESS) + ":" + conf.get(RestOptions.PORT);
  }

  String base() {
    return base;
  }

  /**
   * Waits until GET {@code path} answers 200 with a body that {@code accepts}; fails after {@code
   * timeout}.
   */
  void await(String path, Predicate<String> accepts, Duration timeout, Thread process)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(process.getName() + " stopped while starting");
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && accepts.test(response.body())) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(base + path + " did not answer as expected within " + timeout);
  }
}
