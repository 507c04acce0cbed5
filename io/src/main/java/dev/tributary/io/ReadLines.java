package dev.tributary.io;

import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RawRecordCoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import javax.annotation.Nullable;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Every line of the files a path or glob matches (local, or any file system Beam has registered),
 * each as a {@link RawRecord} whose source is {@code <file>:<line number>}, so that a dead letter
 * points at the exact line. A pattern that matches no file fails the pipeline at once.
 *
 * <p>Lines end at {@code \n} or {@code \r\n}; lines that are not valid UTF-8, or longer than {@link
 * #DEFAULT_MAX_LINE_BYTES} (or the limit set), come out marked with their defect, for {@code Parse}
 * to turn into dead letters (see {@link LineSplitter}).
 */
public class ReadLines extends PTransform<PBegin, PCollection<RawRecord>> {
  /** The longest line read whole, in bytes: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  private final String filePattern;
  private final int maxLineBytes;
  private final @Nullable SerializableFunction<String, Boolean> keepFile;

  private ReadLines(
      String filePattern,
      int maxLineBytes,
      @Nullable SerializableFunction<String, Boolean> keepFile) {
    this.filePattern = filePattern;
    this.maxLineBytes = maxLineBytes;
    this.keepFile = keepFile;
  }

  public static ReadLines from(String filePattern) {
    return new ReadLines(filePattern, DEFAULT_MAX_LINE_BYTES, null);
  }

  /**
   * Reads only the matched files whose name {@code keep} accepts, such as the partitions of a range
   * of days; the others are not opened.
   */
  public ReadLines onlyFiles(SerializableFunction<String, Boolean> keep) {
    return new ReadLines(filePattern, maxLineBytes, keep);
  }

  /** Lines longer than {@code maxLineBytes} are refused, keeping their start, size and hash. */
  public ReadLines withMaxLineBytes(int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1, got " + maxLineBytes);
    }
    return new ReadLines(filePattern, maxLineBytes, keepFile);
  }

  @Override
  public PCollection<RawRecord> expand(PBegin begin) {
    PCollection<MatchResult.Metadata> files =
        begin.apply(
            "Match " + filePattern,
            FileIO.match()
                .filepattern(filePattern)
                .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW));
    if (keepFile != null) {
      SerializableFunction<String, Boolean> keep = keepFile;
      files =
          files.apply(
              "Only the files asked for",
              Filter.by((MatchResult.Metadata file) -> keep.apply(file.resourceId().toString())));
    }
    return files
        .apply("Open files", FileIO.readMatches())
        .apply("Read numbered lines", ParDo.of(new ReadNumberedLinesFn(maxLineBytes)))
        .setCoder(RawRecordCoder.of());
  }

  private static class ReadNumberedLinesFn extends DoFn<FileIO.ReadableFile, RawRecord> {
    private final int maxLineBytes;

    ReadNumberedLinesFn(int maxLineBytes) {
      this.maxLineBytes = maxLineBytes;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<RawRecord> out)
        throws IOException {
      String name = file.getMetadata().resourceId().toString();
      LineSplitter lines = new LineSplitter(name, maxLineBytes, out::output);
      byte[] chunk = new byte[1 << 16];
      try (InputStream in = Channels.newInputStream(file.open())) {
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
          lines.feed(chunk, n);
        }
      }
      lines.finish();
    }
  }
}
