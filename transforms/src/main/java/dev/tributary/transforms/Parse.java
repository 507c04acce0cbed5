package dev.tributary.transforms;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Raw payloads to typed records, with their event time as element timestamp. Anything the parser
 * refuses, and any event time Beam cannot represent, goes to the dead-letter output with the raw
 * payload and the reason. Counted as {@code <name>.read}, {@code <name>.parsed} and {@code
 * <name>.deadLetters} (see {@link TributaryMetrics}).
 */
public class Parse<T>
    extends PTransform<PCollection<RawRecord>, WithFailures.Result<PCollection<T>, DeadLetter>> {

  private final String recordName;
  private final RecordParser<T> parser;

  private Parse(String recordName, RecordParser<T> parser) {
    this.recordName = recordName;
    this.parser = parser;
  }

  /** Parses records called {@code recordName} (e.g. "transactions") with the given parser. */
  public static <T> Parse<T> of(String recordName, RecordParser<T> parser) {
    return new Parse<>(recordName, parser);
  }

  @Override
  public WithFailures.Result<PCollection<T>, DeadLetter> expand(PCollection<RawRecord> input) {
    TupleTag<T> parsed = new TupleTag<>() {};
    TupleTag<DeadLetter> deadLetters = new TupleTag<>() {};
    PCollectionTuple outputs =
        input.apply(
            "Parse " + recordName,
            ParDo.of(new ParseFn<>(recordName, parser, parsed, deadLetters))
                .withOutputTags(parsed, TupleTagList.of(deadLetters)));
    return WithFailures.Result.of(
        outputs.get(parsed).setTypeDescriptor(parser.type()),
        outputs.get(deadLetters).setTypeDescriptor(TypeDescriptor.of(DeadLetter.class)));
  }

  private static class ParseFn<T> extends DoFn<RawRecord, T> {
    private final String step;
    private final RecordParser<T> parser;
    private final TupleTag<T> parsedTag;
    private final TupleTag<DeadLetter> deadLetterTag;
    private final Counter read;
    private final Counter parsed;
    private final Counter refused;

    ParseFn(
        String recordName,
        RecordParser<T> parser,
        TupleTag<T> parsedTag,
        TupleTag<DeadLetter> deadLetterTag) {
      this.step = "parse-" + recordName;
      this.parser = parser;
      this.parsedTag = parsedTag;
      this.deadLetterTag = deadLetterTag;
      this.read = Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".read");
      this.parsed = Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".parsed");
      this.refused = Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".deadLetters");
    }

    @ProcessElement
    public void process(@Element RawRecord raw, MultiOutputReceiver out) {
      read.inc();
      String reason;
      try {
        T record = parser.parse(raw.payload);
        Instant eventTime = parser.eventTime(record);
        if (eventTime.isBefore(BoundedWindow.TIMESTAMP_MIN_VALUE)
            || !eventTime.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
          reason = "event time " + eventTime + " is outside the range Beam can represent";
        } else {
          parsed.inc();
          out.get(parsedTag).outputWithTimestamp(record, eventTime);
          return;
        }
      } catch (InvalidRecordException e) {
        reason = e.getMessage();
      } catch (RuntimeException e) {
        reason = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      refused.inc();
      out.get(deadLetterTag).output(new DeadLetter(raw.source, step, reason, raw.payload));
    }

    /**
     * Records from a streaming source carry the time they arrived; their event time is usually
     * earlier. Beam only lets a DoFn move a timestamp back within this skew, so allow any: lateness
     * is then judged by the windows downstream, against their allowed lateness.
     */
    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }
}
