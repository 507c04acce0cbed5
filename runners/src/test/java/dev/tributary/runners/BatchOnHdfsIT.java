package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.infra.HdfsExtension;
import dev.tributary.io.ReadParquet;
import dev.tributary.io.WriteParquetPartitioned;
import dev.tributary.pipelines.banking.FraudDetectionPipeline;
import dev.tributary.testdata.banking.BankingGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The batch fraud pipeline on Spark with everything on a real HDFS: the generator writes the sample
 * there, the pipeline reads it from there and writes its outputs and the Parquet history back
 * there.
 */
@Tag("integration")
class BatchOnHdfsIT {
  @RegisterExtension static final HdfsExtension HDFS = new HdfsExtension();

  @Test
  void sparkReadsAndWritesHdfsAndKeepsTheHistoryAsPartitionedParquet() throws IOException {
    BankingGenerator.Output sample = BankingGenerator.generate(new BankingGenerator.Settings());
    String landing = HDFS.uri() + "/landing/banking";
    BankingGenerator.write(sample, landing);

    String out = HDFS.uri() + "/out/fraud";
    String history = HDFS.uri() + "/warehouse/transactions";
    FraudDetectionPipeline.Summary summary =
        FraudDetectionPipeline.run(
            new String[] {
              "--runner=SparkRunner",
              "--sparkMaster=local[2]",
              "--hdfsConfiguration=" + HDFS.beamConfiguration(),
              "--input=" + landing + "/" + BankingGenerator.TRANSACTIONS_FILE,
              "--accounts=" + landing + "/" + BankingGenerator.ACCOUNTS_FILE,
              "--output=" + out,
              "--historyOutput=" + history
            });

    assertEquals(sample.transactionLines().size(), summary.read());
    assertEquals(sample.groundTruth().size(), summary.alerts());
    assertEquals(
        sample.groundTruth().size(),
        OutputFiles.lines(out + "/" + FraudDetectionPipeline.ALERTS + "/*.jsonl").size());
    assertEquals(
        summary.deadLetters(),
        OutputFiles.lines(out + "/" + FraudDetectionPipeline.DEAD_LETTERS + "/*.jsonl").size());

    Set<String> expectedPartitions = new TreeSet<>();
    for (String line : sample.transactionLines()) {
      if (line.startsWith("{\"id\":\"tx-")) {
        String time = line.replaceAll(".*\"eventTime\":\"([^\"]+)\".*", "$1");
        expectedPartitions.add(
            WriteParquetPartitioned.partitionOf(
                new org.joda.time.Instant(Instant.parse(time).toEpochMilli())));
      }
    }
    Set<String> partitions = new TreeSet<>();
    List<MatchResult.Metadata> files =
        FileSystems.match(ReadParquet.allPartitions(history)).metadata();
    for (MatchResult.Metadata file : files) {
      String path = file.resourceId().toString();
      partitions.add(path.substring(history.length() + 1, path.lastIndexOf('/')));
    }
    assertEquals(expectedPartitions, partitions);
    assertEquals(partitions.size(), files.size(), "one file per partition");
    System.out.printf(
        "[spark on hdfs] read %d, parsed %d, dead letters %d, alerts %d, history in %d hourly partitions%n",
        summary.read(),
        summary.parsed(),
        summary.deadLetters(),
        summary.alerts(),
        partitions.size());
  }
}
