package dev.tributary.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The ways {@link Measures} accumulate a value over a key's records in a window: each has an
 * identity, a merge, a wire form and an output. Merges never change their arguments: a runner may
 * be writing a stored accumulator to a checkpoint while the next record arrives (Flink with {@code
 * --fasterCopy}).
 */
enum Accumulation {
  /** The number of records: a {@code Long}. */
  COUNT(FieldType.INT64) {
    @Override
    Object identity() {
      return 0L;
    }

    /** Each record counts one, whatever its value. */
    @Override
    Object of(@Nullable Object value) {
      return 1L;
    }

    @Override
    Object merge(Object a, Object b) {
      return (Long) a + (Long) b;
    }

    @Override
    void encode(Object value, OutputStream out) throws IOException {
      VarLongCoder.of().encode((Long) value, out);
    }

    @Override
    Object decode(InputStream in) throws IOException {
      return VarLongCoder.of().decode(in);
    }
  },
  /** The exact sum of decimals; zero for no records. */
  SUM(FieldType.DECIMAL) {
    @Override
    Object identity() {
      return BigDecimal.ZERO;
    }

    @Override
    Object merge(Object a, Object b) {
      return ((BigDecimal) a).add((BigDecimal) b);
    }

    @Override
    void encode(Object value, OutputStream out) throws IOException {
      DecimalCoder.of().encode((BigDecimal) value, out);
    }

    @Override
    Object decode(InputStream in) throws IOException {
      return DecimalCoder.of().decode(in);
    }
  },
  /**
   * The smallest decimal; null for none. Of equal values the first kept, so its scale is stable.
   */
  MIN(FieldType.DECIMAL.withNullable(true)) {
    @Override
    @Nullable
    Object merge(@Nullable Object a, @Nullable Object b) {
      return keepFirstUnless(a, b, -1);
    }
  },
  /** The largest decimal; null for none. Of equal values the first kept. */
  MAX(FieldType.DECIMAL.withNullable(true)) {
    @Override
    @Nullable
    Object merge(@Nullable Object a, @Nullable Object b) {
      return keepFirstUnless(a, b, 1);
    }
  },
  /**
   * The distinct values seen, as a sorted array of strings without repeats, output as their number.
   * Exact, so its state grows with the number of distinct values per key and window.
   */
  DISTINCT(FieldType.INT64) {
    @Override
    Object identity() {
      return NO_STRINGS;
    }

    @Override
    Object merge(Object a, Object b) {
      return union((String[]) a, (String[]) b);
    }

    @Override
    void encode(Object value, OutputStream out) throws IOException {
      String[] values = (String[]) value;
      VarIntCoder.of().encode(values.length, out);
      for (String v : values) {
        StringUtf8Coder.of().encode(v, out);
      }
    }

    @Override
    Object decode(InputStream in) throws IOException {
      String[] values = new String[VarIntCoder.of().decode(in)];
      for (int i = 0; i < values.length; i++) {
        values[i] = StringUtf8Coder.of().decode(in);
      }
      return values;
    }

    @Override
    Object of(@Nullable Object value) {
      return value == null ? NO_STRINGS : new String[] {(String) value};
    }

    @Override
    Object output(Object accumulated) {
      return (long) ((String[]) accumulated).length;
    }
  };

  private static final String[] NO_STRINGS = new String[0];
  private static final NullableCoder<BigDecimal> NULLABLE_DECIMAL =
      NullableCoder.of(DecimalCoder.of());

  /** The type of the output field. */
  final FieldType outputType;

  Accumulation(FieldType outputType) {
    this.outputType = outputType;
  }

  /** The value of no records: null, for MIN and MAX. */
  @Nullable
  Object identity() {
    return null;
  }

  /** Both values together, as a new value or one of the two. */
  abstract @Nullable Object merge(@Nullable Object a, @Nullable Object b);

  /** Writes an accumulated value: a nullable decimal, for MIN and MAX. */
  void encode(@Nullable Object value, OutputStream out) throws IOException {
    NULLABLE_DECIMAL.encode((BigDecimal) value, out);
  }

  /** Reads what {@link #encode} wrote. */
  @Nullable
  Object decode(InputStream in) throws IOException {
    return NULLABLE_DECIMAL.decode(in);
  }

  /** {@code a}, unless {@code b} compares to it with the sign {@code beats}; nulls are no value. */
  private static @Nullable Object keepFirstUnless(
      @Nullable Object a, @Nullable Object b, int beats) {
    if (a == null) {
      return b;
    }
    return b != null && Integer.signum(((BigDecimal) b).compareTo((BigDecimal) a)) == beats ? b : a;
  }

  /** What the result shows of the accumulated value. */
  @Nullable
  Object output(@Nullable Object accumulated) {
    return accumulated;
  }

  /** The accumulated value of one record's {@code value}: the value itself, or none for null. */
  @Nullable
  Object of(@Nullable Object value) {
    return value == null ? identity() : value;
  }

  /** The sorted union of two sorted arrays without repeats. */
  private static String[] union(String[] a, String[] b) {
    if (b.length == 0) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    String[] merged = new String[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      int order = a[i].compareTo(b[j]);
      if (order <= 0) {
        merged[n++] = a[i++];
        if (order == 0) {
          j++;
        }
      } else {
        merged[n++] = b[j++];
      }
    }
    while (i < a.length) {
      merged[n++] = a[i++];
    }
    while (j < b.length) {
      merged[n++] = b[j++];
    }
    if (n == a.length) {
      return a;
    }
    return n == merged.length ? merged : Arrays.copyOf(merged, n);
  }
}
