package dev.tributary.runners.game;

import dev.tributary.infra.RepositoryLayout;
import dev.tributary.infra.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The game API in its own JVM, as {@code mvn exec:java -pl game-api} runs it, on a free port. */
final class GameApiProcess implements AutoCloseable {
  private final ServerProcess process;

  private GameApiProcess(ServerProcess process) {
    this.process = process;
  }

  static GameApiProcess start(String bootstrapServers, Path logFile) {
    return new GameApiProcess(
        ServerProcess.start(
            "Game API",
            RepositoryLayout.module("game-api"),
            "dev.tributary.gameapi.GameApiMain",
            List.of("-Xmx512m"),
            List.of("--port", "0", "--bootstrap-servers", bootstrapServers, "--topic", "events"),
            logFile,
            Duration.ofSeconds(60)));
  }

  /** {@code http://127.0.0.1:<port>/}. */
  URI url() {
    return URI.create(process.ready("url"));
  }

  @Override
  public void close() {
    process.close();
  }
}
