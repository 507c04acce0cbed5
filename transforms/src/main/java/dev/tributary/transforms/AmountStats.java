package dev.tributary.transforms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Count, sum and maximum of exact decimal amounts, and the mean derived from them: the
 * accumulator of {@link Aggregate}.
 *
 * <p>Immutable: adding returns a new value. A runner may keep the accumulator it stored while it
 * writes a checkpoint of it (Flink with {@code --fasterCopy}), so an accumulator changed in place
 * could change the checkpoint as it is written.
 */
public final class AmountStats {
  /** No amounts yet. */
  public static final AmountStats EMPTY = new AmountStats(0, BigDecimal.ZERO, null);

  public final long count;
  public final BigDecimal sum;
  public final @Nullable BigDecimal max;

  public AmountStats(long count, BigDecimal sum, @Nullable BigDecimal max) {
    this.count = count;
    this.sum = sum;
    this.max = max;
  }

  /** One amount. */
  public static AmountStats of(BigDecimal amount) {
    return EMPTY.plus(amount);
  }

  /** These amounts and one more. */
  public AmountStats plus(BigDecimal amount) {
    return new AmountStats(count + 1, sum.add(amount), larger(max, amount));
  }

  /** These amounts and {@code other}'s. */
  public AmountStats plus(AmountStats other) {
    return new AmountStats(count + other.count, sum.add(other.sum), larger(max, other.max));
  }

  private static @Nullable BigDecimal larger(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AmountStats s && count == s.count && sum.equals(s.sum) && Objects.equals(max, s.max);
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, sum, max);
  }

  @Override
  public String toString() {
    return "AmountStats{count=" + count + ", sum=" + sum + ", max=" + max + "}";
  }

  /** sum / count to two decimal places, half-even; the one definition of the mean. */
  public BigDecimal mean() {
    return sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
  }

  /** The Beam combiner that merges {@link AmountStats}, with {@link AmountStatsCoder} for its accumulator. */
  public static class CombineFn extends Combine.CombineFn<AmountStats, AmountStats, AmountStats> {
    @Override
    public AmountStats createAccumulator() {
      return EMPTY;
    }

    @Override
    public AmountStats addInput(AmountStats stats, AmountStats more) {
      return stats.plus(more);
    }

    @Override
    public AmountStats mergeAccumulators(Iterable<AmountStats> accumulators) {
      AmountStats merged = EMPTY;
      for (AmountStats stats : accumulators) {
        merged = merged.plus(stats);
      }
      return merged;
    }

    @Override
    public AmountStats extractOutput(AmountStats stats) {
      return stats;
    }

    @Override
    public Coder<AmountStats> getAccumulatorCoder(CoderRegistry registry, Coder<AmountStats> inputCoder) {
      return AmountStatsCoder.of();
    }

    @Override
    public Coder<AmountStats> getDefaultOutputCoder(CoderRegistry registry, Coder<AmountStats> inputCoder) {
      return AmountStatsCoder.of();
    }
  }
}
