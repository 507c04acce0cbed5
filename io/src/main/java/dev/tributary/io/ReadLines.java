package dev.tributary.io;

import dev.tributary.transforms.RawRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Every line of the files a path or glob matches (local, or any file system Beam has registered),
 * each as a {@link RawRecord} whose source is {@code <file>:<line number>}, so that a dead letter
 * points at the exact line. A pattern that matches no file fails the pipeline at once.
 */
public class ReadLines extends PTransform<PBegin, PCollection<RawRecord>> {
  private final String filePattern;

  private ReadLines(String filePattern) {
    this.filePattern = filePattern;
  }

  public static ReadLines from(String filePattern) {
    return new ReadLines(filePattern);
  }

  @Override
  public PCollection<RawRecord> expand(PBegin begin) {
    return begin
        .apply(
            "Match " + filePattern,
            FileIO.match()
                .filepattern(filePattern)
                .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("Open files", FileIO.readMatches())
        .apply("Read numbered lines", ParDo.of(new ReadNumberedLinesFn()))
        .setTypeDescriptor(TypeDescriptor.of(RawRecord.class));
  }

  private static class ReadNumberedLinesFn extends DoFn<FileIO.ReadableFile, RawRecord> {
    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<RawRecord> out)
        throws IOException {
      String name = file.getMetadata().resourceId().toString();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  Channels.newInputStream(file.open()), StandardCharsets.UTF_8))) {
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          out.output(RawRecord.ofLine(name, ++lineNumber, line));
        }
      }
    }
  }
}
