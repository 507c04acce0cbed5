package dev.tributary.runners;

import dev.tributary.infra.RepositoryLayout;
import dev.tributary.infra.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The dashboard in its own JVM (its Jetty is not the runners'), as {@code mvn exec:java -pl
 * dashboard} runs it, on a free port.
 */
public final class DashboardProcess implements AutoCloseable {
  private final ServerProcess process;

  private DashboardProcess(ServerProcess process) {
    this.process = process;
  }

  /**
   * Starts the dashboard over the views at {@code elasticsearchUrl}, logging to {@code logFile}.
   */
  public static DashboardProcess start(String elasticsearchUrl, Path logFile) {
    return new DashboardProcess(
        ServerProcess.start(
            "Dashboard",
            RepositoryLayout.module("dashboard"),
            "dev.tributary.dashboard.DashboardMain",
            List.of("-Xmx256m"),
            List.of(
                "--port", "0", "--elasticsearch-url", elasticsearchUrl, "--refresh-seconds", "2"),
            logFile,
            Duration.ofSeconds(60)));
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI url() {
    return URI.create(process.ready("url"));
  }

  @Override
  public void close() {
    process.close();
  }
}
