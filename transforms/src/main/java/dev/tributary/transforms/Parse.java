package dev.tributary.transforms;

import javax.annotation.Nullable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;

/**
 * Raw payloads to typed records, with their event time as element timestamp. Anything the parser
 * refuses, anything a reader marked as defective, and any event time outside {@link EventTimeRange}
 * goes to the dead-letter output with the raw payload and the reason (see {@link ParseAttempt}).
 * With {@link #withUniqueIds}, a record whose id was already given is a dead letter too (see {@link
 * FirstOccurrence}). Counted as {@code <name>.read}, {@code <name>.parsed} and {@code
 * <name>.deadLetters} (see {@link TributaryMetrics}), with read = parsed + dead letters.
 */
public class Parse<T>
    extends PTransform<PCollection<RawRecord>, WithFailures.Result<PCollection<T>, DeadLetter>> {

  private final String recordName;
  private final RecordParser<T> parser;
  private final @Nullable Coder<T> coder;
  private final @Nullable SerializableFunction<T, String> idOf;
  private final Duration idRetention;

  private Parse(
      String recordName,
      RecordParser<T> parser,
      @Nullable Coder<T> coder,
      @Nullable SerializableFunction<T, String> idOf,
      Duration idRetention) {
    this.recordName = recordName;
    this.parser = parser;
    this.coder = coder;
    this.idOf = idOf;
    this.idRetention = idRetention;
  }

  /** Parses records called {@code recordName} (e.g. "transactions") with the given parser. */
  public static <T> Parse<T> of(String recordName, RecordParser<T> parser) {
    return new Parse<>(recordName, parser, null, null, FirstOccurrence.DEFAULT_RETENTION);
  }

  /** The coder of the parsed records, instead of the one Beam infers from the parser's type. */
  public Parse<T> withCoder(Coder<T> coder) {
    return new Parse<>(recordName, parser, coder, idOf, idRetention);
  }

  /**
   * Keeps one record per id: the first occurrence, as {@link FirstOccurrence} defines it; the
   * others are dead letters. In streaming, an id is remembered for {@link
   * FirstOccurrence#DEFAULT_RETENTION} of event time.
   */
  public Parse<T> withUniqueIds(SerializableFunction<T, String> idOf) {
    return new Parse<>(recordName, parser, coder, idOf, idRetention);
  }

  /** As {@link #withUniqueIds(SerializableFunction)}, remembering ids for {@code retention}. */
  public Parse<T> withUniqueIds(SerializableFunction<T, String> idOf, Duration retention) {
    return new Parse<>(recordName, parser, coder, idOf, retention);
  }

  @Override
  public WithFailures.Result<PCollection<T>, DeadLetter> expand(PCollection<RawRecord> input) {
    Coder<T> recordCoder = recordCoder(input.getPipeline());
    if (idOf == null) {
      ParseResult<T> result =
          parse(input, (raw, record) -> record, recordCoder, /* countParsed= */ true);
      return WithFailures.Result.of(
          result.records.setTypeDescriptor(parser.type()), result.deadLetters);
    }
    SerializableFunction<T, String> id = idOf;
    ParseResult<KV<String, KV<RawRecord, T>>> byId =
        parse(
            input,
            (raw, record) -> KV.of(id.apply(record), KV.of(raw, record)),
            KvCoder.of(StringUtf8Coder.of(), KvCoder.of(RawRecordCoder.of(), recordCoder)),
            /* countParsed= */ false);
    WithFailures.Result<PCollection<T>, DeadLetter> unique =
        byId.records.apply(
            "First occurrence of each id",
            FirstOccurrence.of(recordName, parser, recordCoder, idRetention));
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(byId.deadLetters)
            .and(unique.failures())
            .apply("All " + recordName + " dead letters", Flatten.pCollections());
    // Typed as the parser's records, so that schema-aware sinks (Parquet) find their schema.
    return WithFailures.Result.of(unique.output().setTypeDescriptor(parser.type()), deadLetters);
  }

  /** The coder given, or the one Beam has for the parser's type: by its schema, or registered. */
  private Coder<T> recordCoder(Pipeline pipeline) {
    if (coder != null) {
      return coder;
    }
    try {
      return pipeline.getSchemaRegistry().getSchemaCoder(parser.type());
    } catch (NoSuchSchemaException noSchema) {
      try {
        return pipeline.getCoderRegistry().getCoder(parser.type());
      } catch (CannotProvideCoderException noCoder) {
        throw new IllegalArgumentException(
            "Beam has no coder for " + parser.type() + "; give one with Parse.withCoder", noCoder);
      }
    }
  }

  private record ParseResult<O>(PCollection<O> records, PCollection<DeadLetter> deadLetters) {}

  private <O> ParseResult<O> parse(
      PCollection<RawRecord> input,
      SerializableBiFunction<RawRecord, T, O> shape,
      Coder<O> outputCoder,
      boolean countParsed) {
    TupleTag<O> parsed = new TupleTag<>() {};
    TupleTag<DeadLetter> deadLetters = new TupleTag<>() {};
    PCollectionTuple outputs =
        input.apply(
            "Parse " + recordName,
            ParDo.of(new ParseFn<>(recordName, parser, shape, countParsed, parsed, deadLetters))
                .withOutputTags(parsed, TupleTagList.of(deadLetters)));
    return new ParseResult<>(
        outputs.get(parsed).setCoder(outputCoder),
        outputs.get(deadLetters).setTypeDescriptor(TypeDescriptor.of(DeadLetter.class)));
  }

  /** Parses each record, and shapes it for the next step with its raw form at hand. */
  private static class ParseFn<T, O> extends DoFn<RawRecord, O> {
    private final String step;
    private final RecordParser<T> parser;
    private final SerializableBiFunction<RawRecord, T, O> shape;
    private final TupleTag<O> parsedTag;
    private final TupleTag<DeadLetter> deadLetterTag;
    private final Counter read;
    private final @Nullable Counter parsed;
    private final Counter refused;

    ParseFn(
        String recordName,
        RecordParser<T> parser,
        SerializableBiFunction<RawRecord, T, O> shape,
        boolean countParsed,
        TupleTag<O> parsedTag,
        TupleTag<DeadLetter> deadLetterTag) {
      this.step = "parse-" + recordName;
      this.parser = parser;
      this.shape = shape;
      this.parsedTag = parsedTag;
      this.deadLetterTag = deadLetterTag;
      this.read = Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".read");
      this.parsed =
          countParsed ? Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".parsed") : null;
      this.refused = Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".deadLetters");
    }

    @ProcessElement
    public void process(@Element RawRecord raw, MultiOutputReceiver out) {
      read.inc();
      ParseAttempt<T> attempt = ParseAttempt.of(parser, raw);
      if (attempt.isRefused()) {
        refused.inc();
        out.get(deadLetterTag).output(DeadLetter.of(raw, step, attempt.reason()));
        return;
      }
      if (parsed != null) {
        parsed.inc();
      }
      out.get(parsedTag)
          .outputWithTimestamp(shape.apply(raw, attempt.record()), attempt.eventTime());
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
