package dev.tributary.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The per-runner jars that {@code mvn package} builds, and a way to run a JVM on one of them as a
 * user would, with its own class path and environment.
 */
final class PackagedJar {
  private PackagedJar() {}

  /** {@code runners/target/tributary-flink-<version>.jar}. */
  static Path flink() {
    return jar("tributary.flinkJar");
  }

  /** {@code runners/target/tributary-spark-<version>.jar}. */
  static Path spark() {
    return jar("tributary.sparkJar");
  }

  private static Path jar(String property) {
    String location = System.getProperty(property);
    if (location == null || !Files.isRegularFile(Path.of(location))) {
      throw new IllegalStateException(
          "system property "
              + property
              + " does not name a built jar ("
              + location
              + "): run the cluster tests with `mvn -Pclusters verify -pl runners -am`, which packages the jars first");
    }
    return Path.of(location);
  }

  /** This JVM's {@code java} executable. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Runs {@code command} with {@code environment} ({@code NAME=value} entries) added, its output in
   * {@code log}, and returns its exit code; fails if it has not ended after {@code timeout}.
   */
  static int run(List<String> command, List<String> environment, Path log, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    for (String entry : environment) {
      String[] kv = entry.split("=", 2);
      env.put(kv[0], kv[1]);
    }
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          String.join(" ", command.subList(0, Math.min(6, command.size())))
              + " ... did not end within "
              + timeout
              + "; see "
              + log);
    }
    return process.exitValue();
  }
}
