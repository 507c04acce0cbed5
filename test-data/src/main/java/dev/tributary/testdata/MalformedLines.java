package dev.tributary.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated file of lines and the ground truth of its malformed ones: each one's line number and
 * defect, written beside it as JSON lines ({@code {"line":66,"defect":"bad_timestamp"}}).
 */
public final class MalformedLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A malformed line: its line number in the file (from 1) and what is wrong with it. */
  public record Label(long line, String defect) {}

  private MalformedLines() {}

  /** Writes {@code lines} to {@code dir/dataFile} and {@code labels} to {@code dir/truthFile}. */
  public static void write(
      List<String> lines, List<Label> labels, Path dir, String dataFile, String truthFile) {
    try {
      Files.createDirectories(dir);
      try (Writer out = Files.newBufferedWriter(dir.resolve(dataFile), StandardCharsets.UTF_8)) {
        for (String line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
      List<String> truth = new ArrayList<>();
      for (Label label : labels) {
        ObjectNode node = JSON.createObjectNode();
        node.put("line", label.line());
        node.put("defect", label.defect());
        truth.add(node.toString());
      }
      Files.write(dir.resolve(truthFile), truth, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the labels {@link #write} wrote to {@code file}. */
  public static List<Label> read(Path file) {
    try {
      List<Label> labels = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonNode node = JSON.readTree(line);
        labels.add(new Label(node.get("line").asLong(), node.get("defect").asText()));
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
