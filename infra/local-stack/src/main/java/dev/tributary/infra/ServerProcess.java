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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server of the local stack running in a child JVM on its own class path (written by its Maven
 * module to {@code infra/<module>/target/server-classpath.txt}). Its output goes to a log file; it
 * is ready when it prints {@code TRIBUTARY-READY key=value ...}. Closing it stops the JVM.
 *
 * <p>For fault tests, a server can be killed as {@code kill -9} does ({@link #kill()}), frozen and
 * thawed as {@code kill -STOP} and {@code kill -CONT} do ({@link #pause()}, {@link #resume()}), and
 * started again with the same command and data ({@link #restart()}).
 */
public final class ServerProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
  private static final String READY = "TRIBUTARY-READY";

  private final String name;
  private final List<String> command;
  private final Path logFile;
  private final Duration timeout;
  private final Thread stopOnExit;
  private volatile Process process;
  private volatile Map<String, String> ready;

  private ServerProcess(String name, List<String> command, Path logFile, Duration timeout) {
    this.name = name;
    this.command = List.copyOf(command);
    this.logFile = logFile;
    this.timeout = timeout;
    launch();
    this.stopOnExit = new Thread(this::stop, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** The file the server's output goes to. */
  public Path logFile() {
    return logFile;
  }

  /** Starts the command, its output appended to the log, and waits until it says it is ready. */
  private void launch() {
    try {
      Files.createDirectories(logFile.getParent());
      long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
      LOG.info("Starting {} (log: {})", name, logFile);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      ready = awaitReady(name, process, logFile, logOffset, timeout);
      LOG.info("{} ready: {}", name, ready);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      // A fresh log for a fresh server; a restart appends to it.
      Files.deleteIfExists(logFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServerProcess(name, command, logFile, timeout);
  }

  /**
   * Runs every start at once and returns the servers in the same order once all are ready: the
   * nodes of a cluster, each of which waits for a quorum of the others before it is ready.
   */
  static List<ServerProcess> startAll(List<Supplier<ServerProcess>> starts) {
    ExecutorService starters = Executors.newFixedThreadPool(starts.size());
    try {
      List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
      for (Supplier<ServerProcess> start : starts) {
        starting.add(CompletableFuture.supplyAsync(start, starters));
      }
      return starting.stream().map(CompletableFuture::join).toList();
    } finally {
      starters.shutdown();
    }
  }

  private static Map<String, String> awaitReady(
      String name, Process process, Path logFile, long logOffset, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : readFrom(logFile, logOffset).split("\n")) {
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

  private static String readFrom(Path file, long offset) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      byte[] bytes = Files.readAllBytes(file);
      int from = (int) Math.min(offset, bytes.length);
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** The server JVM's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the server's JVM is running (it may be paused). */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the server's JVM at once, as {@code kill -9} does: no shutdown hook runs. */
  public void kill() {
    LOG.info("Killing {} (pid {}) with SIGKILL", name, process.pid());
    signal("KILL");
    try {
      process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Freezes the server's JVM ({@code SIGSTOP}): its ports stay open but nothing answers. */
  public void pause() {
    LOG.info("Pausing {} (pid {}) with SIGSTOP", name, process.pid());
    signal("STOP");
  }

  /** Thaws a server frozen by {@link #pause()} ({@code SIGCONT}). */
  public void resume() {
    LOG.info("Resuming {} (pid {}) with SIGCONT", name, process.pid());
    signal("CONT");
  }

  /**
   * Starts the server again with the same command and data directory, after {@link #kill()} or a
   * crash, and waits until it says it is ready.
   */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running: kill it first");
    }
    launch();
  }

  private void signal(String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
              .redirectErrorStream(true)
              .start();
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (kill.waitFor() != 0) {
        throw new IllegalStateException(
            "kill -" + signal + " " + process.pid() + " (" + name + ") failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    // A paused JVM cannot handle SIGTERM until it is thawed.
    signal("CONT");
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
