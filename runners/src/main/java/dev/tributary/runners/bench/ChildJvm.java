package dev.tributary.runners.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A bench's measured work in a JVM of its own, so that one engine's warm JIT, caches or leftover
 * threads never touch the next: the command that starts it, running it to the end, and what it
 * measures of itself (CPU seconds, peak resident memory).
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The work of a child JVM. */
  public interface Work {
    void run() throws Exception;
  }

  /**
   * Runs a child JVM's work, then exits: 0 when it is done, 1 after printing any failure. Runner
   * threads (Spark's, Flink's) and Kafka clients may outlive the work, and would otherwise keep the
   * JVM, and the launcher waiting on it, alive.
   */
  public static void runThenExit(Work work) {
    try {
      work.run();
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  /**
   * The command that starts {@code mainClass} in a JVM of its own: this JVM's classpath and the
   * flags the engines need, {@code -Xmx<heap>}, then {@code jvmFlags}.
   */
  public static List<String> javaCommand(String heap, List<String> jvmFlags, Class<?> mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(inheritedJvmFlags());
    command.add("-Xmx" + heap);
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    return command;
  }

  /** Flags given as one space-separated string, as on a command line. */
  public static List<String> flags(String spaceSeparated) {
    return spaceSeparated.isBlank() ? List.of() : List.of(spaceSeparated.trim().split("\\s+"));
  }

  /** The flags this JVM was started with that the engines need too (Spark's Java 17 opens). */
  private static List<String> inheritedJvmFlags() {
    List<String> flags = new ArrayList<>();
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-opens")
          || flag.startsWith("--add-exports")
          || flag.startsWith("-XX:+IgnoreUnrecognized")
          || flag.startsWith("-Djdk.reflect")) {
        flags.add(flag);
      }
    }
    return flags;
  }

  /** Runs {@code command} with its output in {@code log}, as {@link #run} runs it. */
  public static void runToLog(List<String> command, Path log, String what)
      throws IOException, InterruptedException {
    run(
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()),
        what,
        "see " + log);
  }

  /**
   * Runs a child JVM for up to 2 hours, and fails unless it exits 0; {@code logIs} says where its
   * output went, for the failure's message.
   */
  public static void run(ProcessBuilder child, String what, String logIs)
      throws IOException, InterruptedException {
    Process process = child.start();
    if (!process.waitFor(2, TimeUnit.HOURS)) {
      process.destroyForcibly();
      throw new IllegalStateException(what + " did not finish within 2 hours; " + logIs);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          what + " failed (exit " + process.exitValue() + "); " + logIs);
    }
  }

  /**
   * CPU time of this whole JVM (every thread: the engine's, the JIT's, the collector's), in
   * seconds. Steadier than wall time on a shared machine, and the fair measure of work per core.
   */
  public static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /** The JVM's peak resident set (VmHWM), in MB; -1 where /proc is not available. */
  public static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
