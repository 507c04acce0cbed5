package dev.tributary.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} in headless mode, to test a web page as a browser runs it: the page's
 * DOM after its scripts have run for a budget of virtual time, and a screenshot.
 */
public final class HeadlessChromium {
  private HeadlessChromium() {}

  /** The page's DOM after {@code budgetMillis} of virtual time. */
  public static String dumpDom(String url, int budgetMillis) throws IOException {
    Path out = Files.createTempFile("chromium-dom", ".html");
    try {
      run(
          List.of("--virtual-time-budget=" + budgetMillis, "--dump-dom", url),
          ProcessBuilder.Redirect.to(out.toFile()));
      return Files.readString(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** A screenshot of the page after {@code budgetMillis} of virtual time, at width x height. */
  public static void screenshot(String url, Path png, int width, int height, int budgetMillis)
      throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(
        List.of(
            "--virtual-time-budget=" + budgetMillis,
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath(),
            url),
        ProcessBuilder.Redirect.DISCARD);
    if (!Files.exists(png)) {
      throw new IOException("chromium wrote no screenshot of " + url + " to " + png);
    }
  }

  private static void run(List<String> arguments, ProcessBuilder.Redirect stdout)
      throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    try {
      runWithProfile(arguments, stdout, profile);
    } finally {
      try (var files = Files.walk(profile)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static void runWithProfile(
      List<String> arguments, ProcessBuilder.Redirect stdout, Path profile) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--user-data-dir=" + profile));
    command.addAll(arguments);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectOutput(stdout)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IOException(
          "cannot start chromium (apt-get install chromium): " + e.getMessage(), e);
    }
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish in 120 s: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IOException("chromium exited with " + process.exitValue() + ": " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while chromium ran", e);
    }
  }
}
