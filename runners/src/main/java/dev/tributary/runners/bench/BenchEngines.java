package dev.tributary.runners.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.apache.beam.sdk.values.Row;

/**
 * What the batch benches share: the runner arguments of each Beam engine, and the plain-Java
 * engine's way of writing its views as the pipelines write theirs.
 */
public final class BenchEngines {
  private BenchEngines() {}

  /** The pipeline arguments of {@code beam-direct}, {@code beam-flink} or {@code beam-spark}. */
  public static List<String> runnerArgs(String engine, int cores) {
    return switch (engine) {
      case "beam-direct" ->
          List.of(
              "--runner=DirectRunner",
              "--targetParallelism=" + cores,
              "--enforceImmutability=false",
              "--enforceEncodability=false");
      case "beam-flink" ->
          List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=" + cores);
      case "beam-spark" -> List.of("--runner=SparkRunner", "--sparkMaster=local[" + cores + "]");
      default ->
          throw new IllegalArgumentException(
              "unknown engine '"
                  + engine
                  + "'; one of plain-java, beam-direct, beam-flink, beam-spark");
    };
  }

  /** Rows as the pipelines write them: Beam's JSON for rows, one per line, in one file. */
  public static void writeRows(Path folder, List<Row> rows) {
    List<String> lines = new ArrayList<>(rows.size());
    if (!rows.isEmpty()) {
      Schema schema = rows.get(0).getSchema();
      ObjectMapper mapper =
          RowJsonUtils.newObjectMapperWith(RowJson.RowJsonSerializer.forSchema(schema));
      for (Row row : rows) {
        lines.add(RowJsonUtils.rowToJson(mapper, row));
      }
    }
    writeLines(folder, lines);
  }

  /** {@code lines} as the one file of {@code folder}. */
  public static void writeLines(Path folder, List<String> lines) {
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve("part-00000-of-00001.jsonl"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
