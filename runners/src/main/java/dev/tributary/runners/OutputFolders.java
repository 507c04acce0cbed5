package dev.tributary.runners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The local folders a pipeline run writes into: emptied before a run, read back after it. */
public final class OutputFolders {
  private OutputFolders() {}

  /** Removes {@code folder} and everything in it; nothing if it does not exist. */
  public static void clear(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line of the {@code .jsonl} files directly in {@code folder}, sorted. */
  public static List<String> sortedJsonLines(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> lines = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
      lines.sort(null);
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
