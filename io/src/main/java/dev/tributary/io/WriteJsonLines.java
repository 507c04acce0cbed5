package dev.tributary.io;

import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ToJson;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * Writes records that have a Beam schema as JSON lines, one object per line with the schema's
 * field names, into files {@code <directory>/part-SSSSS-of-NNNNN.jsonl}. For bounded input.
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
        .apply(
            "Into one global window",
            Window.<T>into(new GlobalWindows())
                .triggering(DefaultTrigger.of())
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes())
        .apply("To JSON", ToJson.of())
        .apply("Write files", TextIO.write().to(directory.replaceAll("/+$", "") + "/part").withSuffix(".jsonl"));
  }
}
