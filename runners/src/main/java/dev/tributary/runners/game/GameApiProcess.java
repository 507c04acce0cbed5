package dev.tributary.runners.game;

import dev.tributary.infra.RepositoryLayout;
import dev.tributary.infra.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The game API in its own JVM, as {@code mvn exec:java -pl game-api} runs it, on a free port. */
public final class GameApiProcess implements AutoCloseable {
  private final ServerProcess process;

  private GameApiProcess(ServerProcess process) {
    this.process = process;
  }

  /**
   * Starts the API sending to topic {@code events} of {@code bootstrapServers}, logging to {@code
   * logFile}.
   */
  public static GameApiProcess start(String bootstrapServers, Path logFile) {
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
  public URI url() {
    return URI.create(process.ready("url"));
  }

  /** The CPU time the API's JVM has used so far. */
  public java.time.Duration cpuTime() {
    return process.cpuTime();
  }

  /**
   * The command that runs {@code mainClass} of the game-api module (such as its load command) in a
   * JVM of its own with {@code heap}, on the module's class path.
   */
  public static List<String> javaCommand(String heap, String mainClass) {
    Path module = RepositoryLayout.module("game-api");
    String classpath;
    try {
      classpath =
          module.resolve("target/classes")
              + java.io.File.pathSeparator
              + java.nio.file.Files.readString(module.resolve("target/server-classpath.txt"))
                  .trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "the game API is not built: mvn -q install -DskipTests -pl game-api", e);
    }
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap,
        "-cp",
        classpath,
        mainClass);
  }

  /**
   * Runs the load command ({@code GameLoad}) against this API in a JVM of its own, logging to
   * {@code log}, and returns the JSON line it ends with. Fails when it does, as it does when any
   * request is not answered 200.
   */
  public com.fasterxml.jackson.databind.node.ObjectNode load(Path log, String... args)
      throws java.io.IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(javaCommand("1g", "dev.tributary.gameapi.GameLoad"));
    command.addAll(List.of("--base-url", url().toString()));
    command.addAll(List.of(args));
    dev.tributary.runners.bench.ChildJvm.runToLog(
        command, log, "GameLoad " + String.join(" ", args));
    List<String> lines = java.nio.file.Files.readAllLines(log);
    return (com.fasterxml.jackson.databind.node.ObjectNode)
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(lines.size() - 1));
  }

  @Override
  public void close() {
    process.close();
  }
}
