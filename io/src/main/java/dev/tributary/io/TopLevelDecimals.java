package dev.tributary.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.values.Row;

/** A row with its top-level decimal values changed, for sinks that store decimals their own way. */
final class TopLevelDecimals {
  private TopLevelDecimals() {}

  /**
   * {@code row} with {@code change} applied to each top-level decimal; the row itself if none
   * changes.
   */
  static Row map(Row row, UnaryOperator<BigDecimal> change) {
    // Each value as the row gives it: a row made from an object's getters converts its nested
    // objects to rows only when asked for them one by one.
    List<Object> values = new ArrayList<>(row.getFieldCount());
    boolean changed = false;
    for (int i = 0; i < row.getFieldCount(); i++) {
      Object value = row.getValue(i);
      if (value instanceof BigDecimal d) {
        BigDecimal mapped = change.apply(d);
        changed |= mapped != d;
        value = mapped;
      }
      values.add(value);
    }
    return changed ? Row.withSchema(row.getSchema()).addValues(values).build() : row;
  }
}
