package dev.tributary.pipelines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runner a pipeline's main uses when its arguments name none: Flink's embedded mini cluster
 * ({@code [local]}), the fastest runner that needs no server, when Flink's runner is on the class
 * path; Beam's default (the Direct runner) otherwise. Tests choose their runner themselves.
 */
public final class DefaultRunner {
  /**
   * Flink configuration for a job run inside a JVM whose system class loader does not hold the
   * project, as under {@code mvn exec:java}: Flink gives a job with no class-path entries the
   * system class loader, and the job fails with {@code ClassNotFoundException}. With any entry (it
   * need not exist) the job gets a class loader whose parent holds the project.
   */
  private static final String FLINK_CONFIG =
      "pipeline.classpaths: file:///tributary-exec-java-classpath-marker/\n";

  private DefaultRunner() {}

  /**
   * {@code args}, with the embedded Flink runner added when they name no runner and it is there.
   */
  public static String[] unlessGiven(String[] args) {
    boolean named =
        Arrays.stream(args).anyMatch(a -> a.startsWith("--runner=") || a.equals("--help"));
    if (named || !onClassPath("org.apache.beam.runners.flink.FlinkRunner")) {
      return args;
    }
    List<String> withRunner =
        new ArrayList<>(List.of("--runner=FlinkRunner", "--flinkMaster=[local]"));
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--flinkConfDir="))) {
      withRunner.add("--flinkConfDir=" + flinkConfDir());
    }
    withRunner.addAll(Arrays.asList(args));
    return withRunner.toArray(String[]::new);
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, DefaultRunner.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static Path flinkConfDir() {
    try {
      Path dir = Files.createTempDirectory("tributary-flink-conf");
      Files.writeString(dir.resolve("config.yaml"), FLINK_CONFIG);
      dir.toFile().deleteOnExit();
      dir.resolve("config.yaml").toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the embedded Flink's configuration", e);
    }
  }
}
