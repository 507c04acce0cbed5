package dev.tributary.detect;

import dev.tributary.transforms.DecimalCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Comparator;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.joda.time.Instant;

/**
 * What {@link WindowedCountRule} keeps of a record in its subject's state: enough to count it in a
 * window and to list it in an alert.
 *
 * @param recordId the record's id
 * @param time its event time
 * @param measure what it adds to the alert's measure; null when the rule has none
 * @param distinct the value counted once however often it repeats; null when the rule counts
 *     records
 */
record WindowMember(
    String recordId, Instant time, @Nullable BigDecimal measure, @Nullable String distinct) {
  /** Event time, then record id: the order in which an alert lists records. */
  static final Comparator<WindowMember> IN_TIME_ORDER =
      Comparator.comparing(WindowMember::time).thenComparing(WindowMember::recordId);

  /** The coder of members, as they are shuffled to their subject and kept in state. */
  static final class Coder extends AtomicCoder<WindowMember> {
    static final Coder INSTANCE = new Coder();
    private static final NullableCoder<BigDecimal> MEASURE = NullableCoder.of(DecimalCoder.of());
    private static final NullableCoder<String> DISTINCT = NullableCoder.of(StringUtf8Coder.of());

    private Coder() {}

    @Override
    public void encode(WindowMember member, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(member.recordId(), out);
      VarLongCoder.of().encode(member.time().getMillis(), out);
      MEASURE.encode(member.measure(), out);
      DISTINCT.encode(member.distinct(), out);
    }

    @Override
    public WindowMember decode(InputStream in) throws IOException {
      return new WindowMember(
          StringUtf8Coder.of().decode(in),
          new Instant(VarLongCoder.of().decode(in)),
          MEASURE.decode(in),
          DISTINCT.decode(in));
    }
  }
}
