package dev.tributary.io;

import dev.tributary.transforms.Unwindowed;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ToJson;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes records that have a Beam schema as JSON lines, one object per line with the schema's field
 * names, into files {@code <directory>/part-SSSSS-of-NNNNN.jsonl}. For bounded input.
 */
public class WriteJsonLines<T> extends PTransform<PCollection<T>, PDone> {
  private final String directory;

  private WriteJsonLines(String directory) {
    this.directory = directory;
  }

  public static <T> WriteJsonLines<T> to(String directory) {
    return new WriteJsonLines<>(directory);
  }

  @Override
  public PDone expand(PCollection<T> records) {
    return records
        .apply("Unwindow", Unwindowed.of())
        .apply("To JSON", ToJson.of())
        .apply(
            "Write files",
            TextIO.write().to(directory.replaceAll("/+$", "") + "/part").withSuffix(".jsonl"));
  }
}
