package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.infra.HdfsExtension;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.banking.Transaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files on a real HDFS through Beam's HadoopFileSystem: JSON lines, and Parquet in Hive-style
 * partitions.
 */
@Tag("integration")
class HdfsIT {
  @RegisterExtension static final HdfsExtension HDFS = new HdfsExtension();

  private static PipelineOptions options() {
    PipelineOptions options =
        PipelineOptionsFactory.fromArgs(
                "--runner=DirectRunner", "--hdfsConfiguration=" + HDFS.beamConfiguration())
            .create();
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }

  /** 24 transactions, one every 7.5 minutes from 10:00: three hours, eight in each. */
  private static List<Transaction> transactions() {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      txs.add(
          new Transaction(
              "t" + i,
              "a" + (i % 4),
              new BigDecimal(i + ".25"),
              "EUR",
              "m",
              "grocery",
              "DE",
              "POS",
              Instant.parse("2026-03-02T10:00:00Z").plus(i * 450_000L)));
    }
    return txs;
  }

  @Test
  void parquetRoundTripsInHivePartitionsAndReadsBackByPartition() throws IOException {
    String base = HDFS.uri() + "/warehouse/transactions";
    Pipeline write = Pipeline.create(options());
    write
        .apply(Create.of(transactions()))
        .apply(WriteParquetPartitioned.to(base, (Transaction tx) -> tx.eventTime));
    write.run().waitUntilFinish();

    MatchResult files = FileSystems.match(ReadParquet.allPartitions(base));
    Set<String> partitions = new TreeSet<>();
    for (MatchResult.Metadata file : files.metadata()) {
      String path = file.resourceId().toString();
      partitions.add(path.substring(base.length() + 1, path.lastIndexOf('/')));
    }
    assertEquals(
        Set.of(
            "year=2026/month=03/day=02/hour=10",
            "year=2026/month=03/day=02/hour=11",
            "year=2026/month=03/day=02/hour=12"),
        partitions);

    Pipeline read = Pipeline.create(options());
    PAssert.that(
            read.apply("All", ReadParquet.of(Transaction.class, ReadParquet.allPartitions(base))))
        .containsInAnyOrder(transactions());
    List<Transaction> eleven = new ArrayList<>();
    for (Transaction tx : transactions()) {
      if (WriteParquetPartitioned.partitionOf(tx.eventTime).endsWith("hour=11")) {
        eleven.add(tx);
      }
    }
    assertEquals(8, eleven.size());
    PAssert.that(
            read.apply(
                "Hour 11",
                ReadParquet.of(
                    Transaction.class, base + "/year=2026/month=03/day=02/hour=11/*.parquet")))
        .containsInAnyOrder(eleven);
    read.run().waitUntilFinish();
  }

  @Test
  void jsonLinesWrittenToHdfsReadBackWithTheirLineNumbers() {
    String folder = HDFS.uri() + "/landing/transactions";
    Pipeline write = Pipeline.create(options());
    write.apply(Create.of(transactions())).apply(WriteJsonLines.to(folder));
    write.run().waitUntilFinish();

    Pipeline read = Pipeline.create(options());
    PAssert.that(
            read.apply(ReadLines.from(folder + "/*.jsonl"))
                .apply(
                    Filter.by(
                        (RawRecord r) ->
                            r.source.startsWith("hdfs://")
                                && r.source.matches(".*part-\\d+-of-\\d+\\.jsonl:\\d+")))
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (RawRecord r) -> r.payload.replaceAll(".*\"id\":\"(t\\d+)\".*", "$1"))))
        .containsInAnyOrder(transactions().stream().map(tx -> tx.id).toList());
    read.run().waitUntilFinish();
  }
}
