package dev.tributary.transforms;

import java.util.Arrays;
import java.util.List;

/**
 * The accumulated values of one key's records in one window, one per accumulation of its {@link
 * Measures}: the accumulator of {@link Aggregate}. Immutable: merging returns a new tally.
 */
final class Tally {
  private final Object[] values;

  Tally(Object[] values) {
    this.values = values;
  }

  /** The tally of no records. */
  static Tally identity(List<Accumulation> kinds) {
    Object[] values = new Object[kinds.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = kinds.get(i).identity();
    }
    return new Tally(values);
  }

  Object get(int index) {
    return values[index];
  }

  /** The number of records, which every tally counts first. */
  long count() {
    return (Long) values[0];
  }

  /** This tally and {@code other}, accumulated as {@code kinds} say. */
  Tally plus(Tally other, List<Accumulation> kinds) {
    Object[] merged = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      merged[i] = kinds.get(i).merge(values[i], other.values[i]);
    }
    return new Tally(merged);
  }

  @Override
  public String toString() {
    return "Tally" + Arrays.deepToString(values);
  }
}
