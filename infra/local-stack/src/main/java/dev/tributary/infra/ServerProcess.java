package dev.tributary.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server of the local stack running in a child JVM on its own class path (written by its Maven
 * module to {@code infra/<module>/target/server-classpath.txt}). Its output goes to a log file; it
 * is ready when it prints {@code TRIBUTARY-READY key=value ...}. Closing it stops the JVM.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
  private static final String READY = "TRIBUTARY-READY";

  private final String name;
  private final Process process;
  private final Map<String, String> ready;
  private final Path logFile;
  private final Thread stopOnExit;

  private ServerProcess(String name, Process process, Map<String, String> ready, Path logFile) {
    this.name = name;
    this.process = process;
    this.ready = ready;
    this.logFile = logFile;
    this.stopOnExit = new Thread(this::stop, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Starts {@code mainClass} of server module {@code module} with {@code args}, logging to {@code
   * logFile}, and waits up to {@code timeout} for it to say it is ready.
   */
  public static ServerProcess start(
      String name,
      String module,
      String mainClass,
      List<String> jvmArgs,
      List<String> args,
      Path logFile,
      Duration timeout) {
    return start(
        name, RepositoryLayout.infraModule(module), mainClass, jvmArgs, args, logFile, timeout);
  }

  /**
   * Starts {@code mainClass} of the Maven module in {@code moduleDir} (any module that writes
   * {@code target/server-classpath.txt}, such as the game API), as {@link #start(String, String,
   * String, List, List, Path, Duration)} does.
   */
  public static ServerProcess start(
      String name,
      Path moduleDir,
      String mainClass,
      List<String> jvmArgs,
      List<String> args,
      Path logFile,
      Duration timeout) {
    Path classpathFile = moduleDir.resolve("target/server-classpath.txt");
    if (!Files.exists(classpathFile)) {
      throw new IllegalStateException(
          name
              + ": "
              + classpathFile
              + " is missing; build it first: mvn -q install -DskipTests -f "
              + moduleDir.resolve("pom.xml"));
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(
        moduleDir.resolve("target/classes")
            + java.io.File.pathSeparator
            + read(classpathFile).trim());
    command.add(mainClass);
    command.addAll(args);
    try {
      Files.createDirectories(logFile.getParent());
      LOG.info("Starting {} (log: {})", name, logFile);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .start();
      Map<String, String> ready = awaitReady(name, process, logFile, timeout);
      LOG.info("{} ready: {}", name, ready);
      return new ServerProcess(name, process, ready, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> awaitReady(
      String name, Process process, Path logFile, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : read(logFile).split("\n")) {
        if (line.startsWith(READY)) {
          Map<String, String> values = new LinkedHashMap<>();
          for (String pair : line.substring(READY.length()).trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
          }
          return values;
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " before it was ready; see "
                + logFile);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException(name + ": interrupted while starting", e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " was not ready after " + timeout + "; see " + logFile);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of the server's output that start with {@code prefix}, in order. */
  public List<String> linesStartingWith(String prefix) {
    List<String> lines = new ArrayList<>();
    for (String line : read(logFile).split("\n")) {
      if (line.startsWith(prefix)) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The CPU time the server's JVM has used so far (user and system), as the OS reports it. */
  public Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** What the server said when it became ready, e.g. {@code bootstrap -> 127.0.0.1:9092}. */
  public String ready(String key) {
    String value = ready.get(key);
    if (value == null) {
      throw new IllegalStateException(name + " did not report '" + key + "': " + ready);
    }
    return value;
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing left to do
    }
  }
}
