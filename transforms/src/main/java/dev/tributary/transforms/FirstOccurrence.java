package dev.tributary.transforms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * One record per id, the first occurrence; every later one is a dead letter whose reason names the
 * id and where it was first given. Two records with one id would otherwise give two different
 * alerts with one alert id, of which an upserting sink keeps one.
 *
 * <p>Which occurrence is first: in batch, the earliest source in {@link SourceOrder} (the lowest
 * line of a file, the lowest offset of a partition), the same on every runner. In streaming, the
 * first to arrive, which for records of one Kafka partition is the lowest offset; an id is
 * remembered until the watermark passes its first occurrence's event time plus a retention ({@link
 * #DEFAULT_RETENTION} unless set), so a duplicate that comes later than that is taken as new.
 *
 * <p>Input: records keyed by id, each with its raw form; {@link Parse#withUniqueIds} builds it.
 */
public class FirstOccurrence<T>
    extends PTransform<
        PCollection<KV<String, KV<RawRecord, T>>>,
        WithFailures.Result<PCollection<T>, DeadLetter>> {

  /** How long streaming remembers an id, in event time: a producer's retries fall within it. */
  public static final Duration DEFAULT_RETENTION = Duration.standardMinutes(10);

  private final String recordName;
  private final RecordParser<T> parser;
  private final Coder<T> coder;
  private final Duration retention;

  private FirstOccurrence(
      String recordName, RecordParser<T> parser, Coder<T> coder, Duration retention) {
    this.recordName = recordName;
    this.parser = parser;
    this.coder = coder;
    this.retention = retention;
  }

  /** The first occurrence of each id of records called {@code recordName}. */
  public static <T> FirstOccurrence<T> of(
      String recordName, RecordParser<T> parser, Coder<T> coder, Duration retention) {
    return new FirstOccurrence<>(recordName, parser, coder, retention);
  }

  /** The reason a later occurrence of {@code id} is refused. */
  public static String duplicateReason(String id, String firstSource) {
    return "duplicate id " + Text.quoted(id) + ": its first occurrence is " + firstSource;
  }

  /** The step name in the dead letters of records called {@code recordName}. */
  public static String step(String recordName) {
    return "unique-" + recordName;
  }

  @Override
  public WithFailures.Result<PCollection<T>, DeadLetter> expand(
      PCollection<KV<String, KV<RawRecord, T>>> byId) {
    TupleTag<T> first = new TupleTag<>() {};
    TupleTag<DeadLetter> later = new TupleTag<>() {};
    PCollectionTuple outputs;
    if (byId.isBounded() == PCollection.IsBounded.BOUNDED) {
      // The grouping's output is timestamped, and holds the watermark, at the group's earliest
      // event time, so that no record is behind the watermark when it gets its event time back.
      outputs =
          byId.apply(
                  "Into buckets of ids",
                  MapElements.into(
                          new TypeDescriptor<KV<Integer, KV<String, KV<RawRecord, T>>>>() {})
                      .via(occurrence -> KV.of(bucketOf(occurrence.getKey()), occurrence)))
              .setCoder(KvCoder.of(VarIntCoder.of(), byId.getCoder()))
              .apply(
                  "Hold at the earliest",
                  Window.<KV<Integer, KV<String, KV<RawRecord, T>>>>configure()
                      .withTimestampCombiner(TimestampCombiner.EARLIEST))
              .apply("All occurrences of the bucket's ids", GroupByKey.create())
              .apply(
                  "Keep the earliest source",
                  ParDo.of(new EarliestSourceFn<>(recordName, parser, first, later))
                      .withOutputTags(first, TupleTagList.of(later)));
      return WithFailures.Result.of(
          outputs
              .get(first)
              .setCoder(coder)
              .apply(
                  "Timestamp by window end again",
                  Window.<T>configure().withTimestampCombiner(TimestampCombiner.END_OF_WINDOW)),
          outputs.get(later).setTypeDescriptor(TypeDescriptor.of(DeadLetter.class)));
    } else {
      outputs =
          byId.apply(
              "Keep the first to arrive",
              ParDo.of(new FirstToArriveFn<T>(recordName, retention, first, later))
                  .withOutputTags(first, TupleTagList.of(later)));
    }
    return WithFailures.Result.of(
        outputs.get(first).setCoder(coder),
        outputs.get(later).setTypeDescriptor(TypeDescriptor.of(DeadLetter.class)));
  }

  /** What both ways share: the outputs and the counters. */
  private abstract static class KeepFirstFn<I, T> extends DoFn<I, T> {
    private final String step;
    private final TupleTag<T> firstTag;
    private final TupleTag<DeadLetter> laterTag;
    private final Counter parsed;
    private final Counter refused;

    KeepFirstFn(String recordName, TupleTag<T> firstTag, TupleTag<DeadLetter> laterTag) {
      this.step = step(recordName);
      this.firstTag = firstTag;
      this.laterTag = laterTag;
      this.parsed = Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".parsed");
      this.refused = Metrics.counter(TributaryMetrics.NAMESPACE, recordName + ".deadLetters");
    }

    void keep(MultiOutputReceiver out, T record, Instant eventTime) {
      parsed.inc();
      out.get(firstTag).outputWithTimestamp(record, eventTime);
    }

    void refuse(MultiOutputReceiver out, String id, RawRecord raw, String firstSource) {
      refused.inc();
      out.get(laterTag).output(DeadLetter.of(raw, step, duplicateReason(id, firstSource)));
    }
  }

  /**
   * Batch groups ids into this many buckets, not one group per id: a group per id made the Direct
   * runner, which runs every group as a bundle of its own through every later step, twice as slow
   * on the banking sample. Enough buckets for any cluster's parallelism; each holds 1/256th of the
   * records.
   */
  static final int BUCKETS = 256;

  static int bucketOf(String id) {
    return Math.floorMod(id.hashCode(), BUCKETS);
  }

  /** Batch: all occurrences of the bucket's ids at once; per id, the earliest source wins. */
  private static class EarliestSourceFn<T>
      extends KeepFirstFn<KV<Integer, Iterable<KV<String, KV<RawRecord, T>>>>, T> {
    private final RecordParser<T> parser;

    EarliestSourceFn(
        String recordName,
        RecordParser<T> parser,
        TupleTag<T> firstTag,
        TupleTag<DeadLetter> laterTag) {
      super(recordName, firstTag, laterTag);
      this.parser = parser;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, KV<RawRecord, T>>>> bucket,
        MultiOutputReceiver out) {
      Map<String, List<KV<RawRecord, T>>> byId = new HashMap<>();
      for (KV<String, KV<RawRecord, T>> occurrence : bucket.getValue()) {
        byId.computeIfAbsent(occurrence.getKey(), id -> new ArrayList<>(1))
            .add(occurrence.getValue());
      }
      byId.forEach((id, all) -> keepEarliest(id, all, out));
    }

    private void keepEarliest(String id, List<KV<RawRecord, T>> all, MultiOutputReceiver out) {
      all.sort(Comparator.comparing(o -> o.getKey().source, SourceOrder.INSTANCE));
      KV<RawRecord, T> first = all.get(0);
      keep(out, first.getValue(), parser.eventTime(first.getValue()));
      for (KV<RawRecord, T> later : all.subList(1, all.size())) {
        refuse(out, id, later.getKey(), first.getKey().source);
      }
    }

    /** The grouping gives every group one timestamp; each record gets its event time back. */
    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }

  /**
   * Streaming: the first occurrence to arrive is kept at once; its source is remembered, until an
   * event-time timer forgets it.
   */
  private static class FirstToArriveFn<T> extends KeepFirstFn<KV<String, KV<RawRecord, T>>, T> {
    private final Duration retention;

    @StateId("firstSource")
    private final StateSpec<ValueState<String>> firstSourceSpec =
        StateSpecs.value(StringUtf8Coder.of());

    @TimerId("forget")
    private final TimerSpec forgetSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    FirstToArriveFn(
        String recordName,
        Duration retention,
        TupleTag<T> firstTag,
        TupleTag<DeadLetter> laterTag) {
      super(recordName, firstTag, laterTag);
      this.retention = retention;
    }

    @ProcessElement
    public void process(
        @Element KV<String, KV<RawRecord, T>> occurrence,
        @Timestamp Instant eventTime,
        @StateId("firstSource") ValueState<String> firstSource,
        @TimerId("forget") Timer forget,
        MultiOutputReceiver out) {
      RawRecord raw = occurrence.getValue().getKey();
      String first = firstSource.read();
      if (first != null) {
        refuse(out, occurrence.getKey(), raw, first);
        return;
      }
      firstSource.write(raw.source);
      forget.withNoOutputTimestamp().set(eventTime.plus(retention));
      keep(out, occurrence.getValue().getValue(), eventTime);
    }

    @OnTimer("forget")
    public void onForget(@StateId("firstSource") ValueState<String> firstSource) {
      firstSource.clear();
    }
  }
}
