package dev.tributary.transforms.commerce;

import dev.tributary.transforms.DeadLetter;
import dev.tributary.transforms.NamedOutputs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** Everything {@link CommerceAnalysis} produces: the orders, the views by folder, dead letters. */
public final class CommerceOutputs extends NamedOutputs {
  private final PCollection<Order> orders;
  private final Map<String, PCollection<Row>> views;
  private final PCollection<DeadLetter> deadLetters;

  CommerceOutputs(
      PCollection<Order> orders,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    super(orders.getPipeline(), all(orders, views, deadLetters));
    this.orders = orders;
    this.views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
    this.deadLetters = deadLetters;
  }

  private static Map<String, PCollection<?>> all(
      PCollection<Order> orders,
      Map<String, PCollection<Row>> views,
      PCollection<DeadLetter> deadLetters) {
    Map<String, PCollection<?>> all = new LinkedHashMap<>();
    all.put("orders", orders);
    all.putAll(views);
    all.put("deadLetters", deadLetters);
    return all;
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
}
