package dev.tributary.runners.game;

import dev.tributary.io.ReadParquet;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Counts the rows of the Parquet files a streaming pipeline has landed so far. */
final class LandedFiles {
  private LandedFiles() {}

  static long rows(Path base) throws IOException {
    long rows = 0;
    MatchResult match =
        FileSystems.match(ReadParquet.allPartitions(base.toString()), EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata file : match.metadata()) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(
                  HadoopInputFile.fromPath(
                      new org.apache.hadoop.fs.Path(file.resourceId().toString()),
                      new Configuration()))
              .build()) {
        while (reader.read() != null) {
          rows++;
        }
      }
    }
    return rows;
  }
}
