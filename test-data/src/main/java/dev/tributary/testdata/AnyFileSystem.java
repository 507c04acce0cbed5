package dev.tributary.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Writes a generator's files to a local folder or to any file system Beam has registered, such as
 * {@code hdfs://127.0.0.1:8020/landing} (for hdfs://, the file system's address is taken from the
 * location itself).
 */
public final class AnyFileSystem {
  private AnyFileSystem() {}

  /** Makes {@code location}'s file system ready to write to. */
  public static void prepare(String location) {
    if (location.startsWith("hdfs://")) {
      URI uri = URI.create(location);
      FileSystems.setDefaultPipelineOptions(
          PipelineOptionsFactory.fromArgs(
                  "--hdfsConfiguration=[{\"fs.defaultFS\":\"hdfs://"
                      + uri.getAuthority()
                      + "\",\"dfs.replication\":\"1\"}]")
              .create());
    }
  }

  /**
   * Writes {@code lines}, each ended by a line feed, to {@code file} (its folders made as needed).
   */
  public static void writeLines(String file, List<String> lines) {
    try (Writer out =
        Channels.newWriter(
            FileSystems.create(FileSystems.matchNewResource(file, false), "application/json"),
            StandardCharsets.UTF_8)) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
