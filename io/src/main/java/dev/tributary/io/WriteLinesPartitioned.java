package dev.tributary.io;

import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Writes lines of text into the folders their keys name under a base folder ({@code <base>/<key>/
 * data_<run>_<pane>.json}), e.g. a key {@code posts/year=2025/month=11/day=08/hour=13}; on any file
 * system Beam has registered (the local disk, {@code hdfs://}). In streaming, the lines received
 * since the last write land as new files every {@code landEvery}, each file named by the run (the
 * pipeline's construction time) and the pane, so that no file overwrites another.
 */
public class WriteLinesPartitioned
    extends PTransform<PCollection<KV<String, String>>, WriteFilesResult<String>> {
  private final String baseDirectory;
  private final Duration landEvery;
  private final long run = System.currentTimeMillis();

  private WriteLinesPartitioned(String baseDirectory, Duration landEvery) {
    this.baseDirectory = baseDirectory;
    this.landEvery = landEvery;
  }

  public static WriteLinesPartitioned to(String baseDirectory, Duration landEvery) {
    return new WriteLinesPartitioned(baseDirectory, landEvery);
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<KV<String, String>> lines) {
    PCollection<KV<String, String>> panes = lines;
    if (lines.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      // The global window never closes, so no line is ever too late to land; each firing writes
      // only what came since the last (discarding panes).
      panes =
          lines.apply(
              "Land every " + landEvery,
              Window.<KV<String, String>>into(new GlobalWindows())
                  .triggering(
                      Repeatedly.forever(
                          AfterProcessingTime.pastFirstElementInPane().plusDelayOf(landEvery)))
                  .withAllowedLateness(Duration.ZERO)
                  .discardingFiredPanes());
    }
    long runId = run;
    return panes.apply(
        "Write lines",
        FileIO.<String, KV<String, String>>writeDynamic()
            .by(KV::getKey)
            .via(Contextful.fn(KV::getValue), TextIO.sink())
            .to(baseDirectory)
            .withDestinationCoder(StringUtf8Coder.of())
            // One file per folder and pane: see WriteParquetPartitioned for why not the runner's.
            .withNumShards(1)
            .withNaming(folder -> new PaneNaming(folder, runId)));
  }

  /** {@code <folder>/data_<run>_<pane>.json}. */
  private static final class PaneNaming implements FileIO.Write.FileNaming {
    private final String folder;
    private final long run;

    PaneNaming(String folder, long run) {
      this.folder = folder;
      this.run = run;
    }

    @Override
    public String getFilename(
        BoundedWindow window,
        PaneInfo pane,
        int numShards,
        int shardIndex,
        @Nullable Compression compression) {
      return folder + "/data_" + run + "_" + pane.getIndex() + ".json";
    }
  }
}
