package dev.tributary.testing;

import dev.tributary.transforms.ParseAttempt;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RecordParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A domain's analysis as the shared harness ({@link DomainHarnessTest}) checks it, in the way
 * Nexmark pairs each query with a model: the events, the analysis transform applied to them, and
 * what the domain's plain-Java model says each output must hold. A domain registers its case in
 * {@code src/test/resources/META-INF/services/dev.tributary.testing.DomainCase}.
 */
public interface DomainCase {

  /**
   * {@code records} each with the event time {@code parser} reads from it; a malformed record,
   * which has none, takes its neighbour's (the one before it, or {@code start} for the first).
   */
  static List<TimestampedValue<RawRecord>> timedBy(
      RecordParser<?> parser, List<RawRecord> records, Instant start) {
    return timedBy(record -> ParseAttempt.of(parser, record), records, start);
  }

  /**
   * As {@link #timedBy(RecordParser, List, Instant)}, each record read as {@code attempt} reads it.
   */
  static List<TimestampedValue<RawRecord>> timedBy(
      Function<RawRecord, ParseAttempt<?>> attempt, List<RawRecord> records, Instant start) {
    List<TimestampedValue<RawRecord>> timed = new ArrayList<>();
    Instant last = start;
    for (RawRecord record : records) {
      ParseAttempt<?> parsed = attempt.apply(record);
      if (!parsed.isRefused()) {
        last = parsed.eventTime();
      }
      timed.add(TimestampedValue.of(record, last));
    }
    return timed;
  }

  /** The domain's name, as the test reports it. */
  String name();

  /**
   * The raw records of the analysis's main input, each with its event time; a malformed record,
   * which has none, takes its neighbour's. The harness feeds them bounded, and as a stream out of
   * order and partly late.
   */
  List<TimestampedValue<RawRecord>> events();

  /** The analysis's allowed lateness: the stream delivers no record later than that. */
  Duration allowedLateness();

  /**
   * Applies the analysis to {@code events} (and to any reference data it reads itself, bounded) and
   * returns each of its outputs by name.
   */
  Map<String, PCollection<?>> apply(Pipeline pipeline, PCollection<RawRecord> events);

  /**
   * What the plain-Java model computes for each output, by the same names. For an output of rows
   * with an {@code isFinal} field, the final panes; for any other, every record.
   */
  Map<String, List<?>> model();
}
