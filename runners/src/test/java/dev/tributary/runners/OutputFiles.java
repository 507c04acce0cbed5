package dev.tributary.runners;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/** Reads back what a pipeline wrote, through Beam's file systems (local, {@code hdfs://}). */
public final class OutputFiles {
  private OutputFiles() {}

  /** Every line of every file matching {@code pattern}. */
  public static List<String> lines(String pattern) throws IOException {
    List<String> lines = new ArrayList<>();
    for (MatchResult.Metadata file : FileSystems.match(pattern).metadata()) {
      try (BufferedReader reader =
          new BufferedReader(
              Channels.newReader(FileSystems.open(file.resourceId()), StandardCharsets.UTF_8))) {
        reader.lines().forEach(lines::add);
      }
    }
    return lines;
  }
}
