package dev.tributary.transforms.social;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.RawRecordCoder;
import dev.tributary.transforms.TributaryMetrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Sends each raw record to the output of its {@link SocialKind}, read from its source (topic or
 * folder); a record whose source names no kind is a dead letter.
 */
public class SplitSocialRecords extends PTransform<PCollection<RawRecord>, PCollectionTuple> {
  public static final TupleTag<DeadLetter> NO_KIND = new TupleTag<>("noKind") {};

  /** Counts the records of no kind. */
  public static final String NO_KIND_COUNTER = "social.noKind";

  private static final Map<SocialKind, TupleTag<RawRecord>> TAGS = tags();

  private static Map<SocialKind, TupleTag<RawRecord>> tags() {
    Map<SocialKind, TupleTag<RawRecord>> tags = new EnumMap<>(SocialKind.class);
    for (SocialKind kind : SocialKind.values()) {
      tags.put(kind, new TupleTag<>(kind.folder()) {});
    }
    return tags;
  }

  /** The output of {@code kind}'s records. */
  public static TupleTag<RawRecord> tagOf(SocialKind kind) {
    return TAGS.get(kind);
  }

  @Override
  public PCollectionTuple expand(PCollection<RawRecord> records) {
    PCollectionTuple split =
        records.apply(
            "By source",
            ParDo.of(new SplitFn())
                .withOutputTags(
                    NO_KIND,
                    TupleTagList.of(tagOf(SocialKind.POSTS))
                        .and(tagOf(SocialKind.COMMENTS))
                        .and(tagOf(SocialKind.USERS))));
    for (SocialKind kind : SocialKind.values()) {
      split.get(tagOf(kind)).setCoder(RawRecordCoder.of());
    }
    return split;
  }

  private static class SplitFn extends DoFn<RawRecord, DeadLetter> {
    private final Counter noKind = Metrics.counter(TributaryMetrics.NAMESPACE, NO_KIND_COUNTER);

    @ProcessElement
    public void process(@Element RawRecord record, MultiOutputReceiver out) {
      Optional<SocialKind> kind = SocialKind.ofSource(record.source);
      if (kind.isPresent()) {
        out.get(tagOf(kind.get())).output(record);
      } else {
        noKind.inc();
        out.get(NO_KIND)
            .output(
                DeadLetter.of(
                    record,
                    "SplitSocialRecords",
                    "the source names no kind of record (topics reddit.posts, reddit.comments,"
                        + " reddit.users; folders posts/, comments/, users/)"));
      }
    }
  }
}
