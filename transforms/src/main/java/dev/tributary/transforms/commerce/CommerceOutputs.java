package dev.tributary.transforms.commerce;

import dev.tributary.transforms.DeadLetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** Everything {@link CommerceAnalysis} produces: the orders, the views by folder, dead letters. */
public final class CommerceOutputs implements POutput {
  private final PCollection<Order> orders;
  private final Map<String, PCollection<Row>> views;
  private final PCollection<DeadLetter> deadLetters;

  CommerceOutputs(
      PCollection<Order> orders,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    this.orders = orders;
    this.views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
    this.deadLetters = deadLetters;
  }

  /** Every order that parsed, once per order id, timestamped by event time. */
  public PCollection<Order> orders() {
    return orders;
  }

  /**
   * The views and rankings by folder name ({@link CommerceView#folder()}, {@link
   * CommerceView#TOP_CITIES}, {@link CommerceView#TOP_CITIES_DAILY}), in a fixed order.
   */
  public Map<String, PCollection<Row>> views() {
    return views;
  }

  /** Malformed rows, bad headers and repeated order ids, with their reasons. */
  public PCollection<DeadLetter> deadLetters() {
    return deadLetters;
  }

  @Override
  public Pipeline getPipeline() {
    return orders.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> all = new LinkedHashMap<>();
    all.put(new TupleTag<Order>("orders"), orders);
    views.forEach((name, rows) -> all.put(new TupleTag<Row>(name), rows));
    all.put(new TupleTag<DeadLetter>("deadLetters"), deadLetters);
    return all;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
