package dev.tributary.transforms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Count, sum and maximum of exact decimal amounts, and the mean derived from them: the
 * accumulator of {@link Aggregate}. Mutable, as a Beam combiner accumulator may be.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class AmountStats {
  public long count;
  public BigDecimal sum = BigDecimal.ZERO;
  public @Nullable BigDecimal max;

  public void add(BigDecimal amount) {
    count++;
    sum = sum.add(amount);
    max = max == null || amount.compareTo(max) > 0 ? amount : max;
  }

  public void merge(AmountStats other) {
    count += other.count;
    sum = sum.add(other.sum);
    if (other.max != null) {
      max = max == null || other.max.compareTo(max) > 0 ? other.max : max;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AmountStats s && count == s.count && sum.equals(s.sum) && Objects.equals(max, s.max);
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, sum, max);
  }

  /** sum / count to two decimal places, half-even; the one definition of the mean. */
  public BigDecimal mean() {
    return sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
  }

  /** The Beam combiner over {@link AmountStats}, with {@link AmountStatsCoder} for its accumulator. */
  public static class CombineFn extends Combine.CombineFn<BigDecimal, AmountStats, AmountStats> {
    @Override
    public AmountStats createAccumulator() {
      return new AmountStats();
    }

    @Override
    public AmountStats addInput(AmountStats stats, BigDecimal amount) {
      stats.add(amount);
      return stats;
    }

    @Override
    public AmountStats mergeAccumulators(Iterable<AmountStats> accumulators) {
      AmountStats merged = new AmountStats();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public AmountStats extractOutput(AmountStats stats) {
      return stats;
    }

    @Override
    public Coder<AmountStats> getAccumulatorCoder(CoderRegistry registry, Coder<BigDecimal> inputCoder) {
      return AmountStatsCoder.of();
    }

    @Override
    public Coder<AmountStats> getDefaultOutputCoder(CoderRegistry registry, Coder<BigDecimal> inputCoder) {
      return AmountStatsCoder.of();
    }
  }
}
