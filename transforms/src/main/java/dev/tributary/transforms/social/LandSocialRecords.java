package dev.tributary.transforms.social;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.InvalidRecordException;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RecordParser;
import dev.tributary.transforms.TributaryMetrics;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.DateTimeZone;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;

/**
 * The landing of live records into the history's layout: each raw post, comment or user update that
 * its parser reads goes, as it came, to its kind's folder and its event hour's partition ({@code
 * posts/year=2025/month=11/day=08/hour=13}); one that does not read, or whose source names no kind,
 * is a dead letter. The batch layer later reads what landed as it reads the history.
 */
public class LandSocialRecords extends PTransform<PCollection<RawRecord>, PCollectionTuple> {
  /** The payloads to land, keyed by their partition folder relative to the history's base. */
  public static final TupleTag<KV<String, String>> LANDED = new TupleTag<>() {};

  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private static final DateTimeFormatter PARTITION =
      DateTimeFormat.forPattern("'year='yyyy'/month='MM'/day='dd'/hour='HH")
          .withZone(DateTimeZone.UTC);

  @Override
  public PCollectionTuple expand(PCollection<RawRecord> raw) {
    PCollectionTuple out =
        raw.apply(
            "Check and partition",
            ParDo.of(new LandFn()).withOutputTags(LANDED, TupleTagList.of(DEAD_LETTERS)));
    out.get(LANDED).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    return out;
  }

  private static class LandFn extends DoFn<RawRecord, KV<String, String>> {
    private static final Map<SocialKind, RecordParser<?>> PARSERS =
        Map.of(
            SocialKind.POSTS, new PostParser(),
            SocialKind.COMMENTS, new CommentParser(),
            SocialKind.USERS, new UserParser());
    private final Counter landed = Metrics.counter(TributaryMetrics.NAMESPACE, "landing.landed");
    private final Counter refused =
        Metrics.counter(TributaryMetrics.NAMESPACE, "landing.deadLetters");

    @ProcessElement
    public void process(@Element RawRecord raw, MultiOutputReceiver out) {
      Optional<SocialKind> kind = SocialKind.ofSource(raw.source);
      String reason;
      if (kind.isEmpty()) {
        reason = "the source names no kind of social record";
      } else if (raw.defect != null) {
        reason = raw.defect;
      } else {
        try {
          String hour = PARTITION.print(eventTimeOf(PARSERS.get(kind.get()), raw.payload));
          out.get(LANDED).output(KV.of(kind.get().folder() + "/" + hour, raw.payload));
          landed.inc();
          return;
        } catch (InvalidRecordException e) {
          reason = e.getMessage();
        }
      }
      refused.inc();
      out.get(DEAD_LETTERS).output(DeadLetter.of(raw, "LandSocialRecords", reason));
    }

    private static <T> org.joda.time.Instant eventTimeOf(RecordParser<T> parser, String payload)
        throws InvalidRecordException {
      return parser.eventTime(parser.parse(payload));
    }
  }
}
