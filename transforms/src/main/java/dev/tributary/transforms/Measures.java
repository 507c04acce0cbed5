package dev.tributary.transforms;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * The named measures an {@link Aggregate} computes per key and window, in the order its results
 * show them: record counts, exact sums, minima and maxima of decimals, exact distinct counts of a
 * string field, and ratios of two of those (a mean is a sum over a count). For example, banking's
 * amount statistics:
 *
 * <pre>{@code
 * Measures.<Transaction>of()
 *     .count("count")
 *     .sum("sum", tx -> tx.amount)
 *     .ratio("mean", "sum", "count", 2)
 *     .max("max", tx -> tx.amount)
 * }</pre>
 *
 * <p>Immutable: each method returns a new set of measures.
 */
public final class Measures<T> implements Serializable {
  /** How an output is computed from the accumulated values. */
  private record Output(String name, FieldType type, int accumulated, int denominator, int scale)
      implements Serializable {
    boolean isRatio() {
      return denominator >= 0;
    }
  }

  /** One accumulated value: what it reads of a record, and how it accumulates. */
  private record Input<T>(Accumulation kind, @Nullable SerializableFunction<T, ?> valueOf)
      implements Serializable {}

  private final List<Input<T>> inputs;
  private final List<Output> outputs;

  private Measures(List<Input<T>> inputs, List<Output> outputs) {
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  /** No measures yet. Every tally counts its records, whether or not a count is shown. */
  public static <T> Measures<T> of() {
    return new Measures<>(List.of(new Input<>(Accumulation.COUNT, null)), List.of());
  }

  /** The number of records. */
  public Measures<T> count(String name) {
    return withOutput(new Output(checkNew(name), FieldType.INT64, 0, -1, 0));
  }

  /** The exact sum of a decimal; zero when there are no records. */
  public Measures<T> sum(String name, SerializableFunction<T, BigDecimal> valueOf) {
    return accumulate(name, Accumulation.SUM, valueOf);
  }

  /** The smallest value of a decimal; null when every record's value is null. */
  public Measures<T> min(String name, SerializableFunction<T, BigDecimal> valueOf) {
    return accumulate(name, Accumulation.MIN, valueOf);
  }

  /** The largest value of a decimal; null when every record's value is null. */
  public Measures<T> max(String name, SerializableFunction<T, BigDecimal> valueOf) {
    return accumulate(name, Accumulation.MAX, valueOf);
  }

  /** The exact number of distinct non-null values of a string field. */
  public Measures<T> distinctCount(String name, SerializableFunction<T, String> valueOf) {
    return accumulate(name, Accumulation.DISTINCT, valueOf);
  }

  /**
   * {@code numerator / denominator}, two measures named before (counts, sums or distinct counts),
   * to {@code scale} decimal places rounded half-even; null when the denominator is zero.
   */
  public Measures<T> ratio(String name, String numerator, String denominator, int scale) {
    Output top = numeric(numerator, name);
    Output bottom = numeric(denominator, name);
    return withOutput(
        new Output(
            checkNew(name),
            FieldType.DECIMAL.withNullable(true),
            top.accumulated(),
            bottom.accumulated(),
            scale));
  }

  private Measures<T> accumulate(
      String name, Accumulation kind, SerializableFunction<T, ?> valueOf) {
    checkNew(name);
    List<Input<T>> moreInputs = new ArrayList<>(inputs);
    moreInputs.add(new Input<>(kind, valueOf));
    List<Output> moreOutputs = new ArrayList<>(outputs);
    moreOutputs.add(new Output(name, kind.outputType, inputs.size(), -1, 0));
    return new Measures<>(moreInputs, moreOutputs);
  }

  private Measures<T> withOutput(Output output) {
    List<Output> more = new ArrayList<>(outputs);
    more.add(output);
    return new Measures<>(inputs, more);
  }

  private String checkNew(String name) {
    for (Output output : outputs) {
      if (output.name().equals(name)) {
        throw new IllegalArgumentException("a measure named '" + name + "' is defined twice");
      }
    }
    return name;
  }

  private Output numeric(String name, String ratio) {
    for (Output output : outputs) {
      if (output.name().equals(name)) {
        Accumulation kind = inputs.get(output.accumulated()).kind();
        if (output.isRatio() || kind == Accumulation.MIN || kind == Accumulation.MAX) {
          throw new IllegalArgumentException(
              "ratio '"
                  + ratio
                  + "' needs a count, sum or distinct count, but '"
                  + name
                  + "' is a "
                  + (output.isRatio() ? "ratio" : kind.name().toLowerCase()));
        }
        return output;
      }
    }
    throw new IllegalArgumentException(
        "ratio '" + ratio + "' names '" + name + "', which is not a measure defined before it");
  }

  /** The fields the results show, in order. */
  public List<Schema.Field> fields() {
    List<Schema.Field> fields = new ArrayList<>(outputs.size());
    for (Output output : outputs) {
      fields.add(Schema.Field.of(output.name(), output.type()));
    }
    return fields;
  }

  /** The accumulations of a tally, in order. */
  List<Accumulation> kinds() {
    List<Accumulation> kinds = new ArrayList<>(inputs.size());
    for (Input<T> input : inputs) {
      kinds.add(input.kind());
    }
    return kinds;
  }

  /** The tally of one record. */
  Tally tallyOf(T record) {
    Object[] values = new Object[inputs.size()];
    for (int i = 0; i < values.length; i++) {
      Input<T> input = inputs.get(i);
      values[i] = input.kind().of(input.valueOf() == null ? null : input.valueOf().apply(record));
    }
    return new Tally(values);
  }

  /** The measures' values of a tally, in the order of {@link #fields()}. */
  void addOutputs(Tally tally, List<Object> values) {
    for (Output output : outputs) {
      Object accumulated = tally.get(output.accumulated());
      if (!output.isRatio()) {
        values.add(inputs.get(output.accumulated()).kind().output(accumulated));
        continue;
      }
      BigDecimal top = decimal(output.accumulated(), accumulated);
      BigDecimal bottom = decimal(output.denominator(), tally.get(output.denominator()));
      values.add(
          bottom.signum() == 0 ? null : top.divide(bottom, output.scale(), RoundingMode.HALF_EVEN));
    }
  }

  private BigDecimal decimal(int index, Object accumulated) {
    Object value = inputs.get(index).kind().output(accumulated);
    return value instanceof Long n ? BigDecimal.valueOf(n) : (BigDecimal) value;
  }
}
