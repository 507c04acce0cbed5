package dev.tributary.transforms;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * The header line of CSV files, before {@link Parse}: the first line of each file (source {@code
 * <file>:1}) must name the expected columns. Such a header is dropped and counted as {@code
 * <name>.headers}; a first line that names anything else stays, marked with a defect that says so,
 * and {@link Parse} makes it a dead letter. Records from other sources (Kafka messages) carry rows
 * only and pass as they are. So lines read = {@code <name>.headers} + {@code <name>.read}.
 */
public class CsvHeader extends PTransform<PCollection<RawRecord>, PCollection<RawRecord>> {
  private final String recordName;
  private final Columns columns;

  private CsvHeader(String recordName, List<String> columns) {
    this.recordName = recordName;
    this.columns = new Columns(List.copyOf(columns));
  }

  /** Checks the headers of files of records called {@code recordName} against {@code columns}. */
  public static CsvHeader expect(String recordName, List<String> columns) {
    return new CsvHeader(recordName, columns);
  }

  /**
   * Plain Java, as the transform decides for one record: empty for a header that matches, the
   * record marked with a defect for one that does not, the record itself otherwise.
   */
  public static Optional<RawRecord> check(RawRecord record, List<String> columns) {
    if (!record.source.endsWith(":1") || record.defect != null) {
      return Optional.of(record);
    }
    List<String> names;
    try {
      names = CsvFields.values(record.payload).stream().map(String::trim).toList();
    } catch (InvalidRecordException e) {
      return Optional.of(refused(record, columns, e.getMessage()));
    }
    if (names.equals(columns)) {
      return Optional.empty();
    }
    return Optional.of(refused(record, columns, Text.quoted(String.join(",", names))));
  }

  private static RawRecord refused(RawRecord record, List<String> columns, String got) {
    return new RawRecord(
        record.source,
        record.payload,
        "the header line must name the columns " + String.join(",", columns) + "; got " + got,
        record.payloadBase64,
        record.originalBytes,
        record.originalSha256);
  }

  @Override
  public PCollection<RawRecord> expand(PCollection<RawRecord> records) {
    return records
        .apply("Check " + recordName + " headers", ParDo.of(new CheckFn(recordName, columns)))
        .setCoder(records.getCoder());
  }

  /** The expected column names, serializable as the DoFn needs them. */
  private record Columns(List<String> names) implements Serializable {}

  private static final class CheckFn extends DoFn<RawRecord, RawRecord> {
    private final Columns columns;
    private final Counter headers;

    CheckFn(String recordName, Columns columns) {
      this.columns = columns;
      this.headers = Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".headers");
    }

    @ProcessElement
    public void process(@Element RawRecord record, OutputReceiver<RawRecord> out) {
      Optional<RawRecord> checked = check(record, columns.names());
      if (checked.isPresent()) {
        out.output(checked.get());
      } else {
        headers.inc();
      }
    }
  }
}
