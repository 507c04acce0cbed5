package dev.tributary.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** The coder of {@link AmountStats}, the accumulator that every aggregation shuffles. */
public final class AmountStatsCoder extends AtomicCoder<AmountStats> {
  private static final AmountStatsCoder INSTANCE = new AmountStatsCoder();
  private static final NullableCoder<BigDecimal> MAX = NullableCoder.of(DecimalCoder.of());

  /** The one instance. */
  public static AmountStatsCoder of() {
    return INSTANCE;
  }

  private AmountStatsCoder() {}

  @Override
  public void encode(AmountStats stats, OutputStream out) throws IOException {
    VarLongCoder.of().encode(stats.count, out);
    DecimalCoder.of().encode(stats.sum, out);
    MAX.encode(stats.max, out);
  }

  @Override
  public AmountStats decode(InputStream in) throws IOException {
    long count = VarLongCoder.of().decode(in);
    BigDecimal sum = DecimalCoder.of().decode(in);
    return new AmountStats(count, sum, MAX.decode(in));
  }
}
