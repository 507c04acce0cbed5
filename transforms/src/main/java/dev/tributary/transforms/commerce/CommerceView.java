package dev.tributary.transforms.commerce;

import dev.tributary.transforms.AggregateWindows;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * The revenue views of {@link CommerceAnalysis}: orders, units, revenue and mean order value per
 * key, over all time and per UTC day. Each has a folder name (the batch output folder, and the
 * Elasticsearch index's middle part with '-' as '_'), its key field and the fields that identify
 * one of its rows.
 */
public enum CommerceView {
  SUMMARY("summary", "scope", o -> "all", false),
  SUMMARY_DAILY("summary-daily", "scope", o -> "all", true),
  BY_CATEGORY("by-category", "category", o -> o.category, false),
  BY_CATEGORY_DAILY("by-category-daily", "category", o -> o.category, true),
  BY_PAYMENT_METHOD("by-payment-method", "paymentMethod", o -> o.paymentMethod, false),
  BY_PAYMENT_METHOD_DAILY("by-payment-method-daily", "paymentMethod", o -> o.paymentMethod, true),
  BY_CITY("by-city", "city", o -> o.city, false),
  BY_CITY_DAILY("by-city-daily", "city", o -> o.city, true);

  /** The folders of the rankings, which are not measures views. */
  public static final String TOP_CITIES = "top-cities";

  public static final String TOP_CITIES_DAILY = "top-cities-daily";

  private final String folder;
  private final String keyField;
  private final SerializableFunction<Order, String> keyOf;
  private final boolean daily;

  CommerceView(
      String folder, String keyField, SerializableFunction<Order, String> keyOf, boolean daily) {
    this.folder = folder;
    this.keyField = keyField;
    this.keyOf = keyOf;
    this.daily = daily;
  }

  public String folder() {
    return folder;
  }

  /** The step name: "View by-category-daily". */
  public String title() {
    return "View " + folder;
  }

  public String keyField() {
    return keyField;
  }

  SerializableFunction<Order, String> keyOf() {
    return keyOf;
  }

  public boolean daily() {
    return daily;
  }

  AggregateWindows windows() {
    return daily ? AggregateWindows.fixed(CommerceAnalysis.DAY) : AggregateWindows.allTime();
  }

  /** The fields that identify a row of any output, by its folder: the document id's parts. */
  public static List<String> idFields(String folder) {
    boolean daily = folder.endsWith("-daily");
    if (folder.startsWith("top-")) {
      return daily ? List.of("windowStart", "rank") : List.of("rank");
    }
    for (CommerceView view : values()) {
      if (view.folder.equals(folder)) {
        return daily ? List.of(view.keyField, "windowStart") : List.of(view.keyField);
      }
    }
    throw new IllegalArgumentException("no commerce output " + folder);
  }
}
