package dev.tributary.transforms;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * The named string fields that together key an {@link Aggregate} (one, as an account, or several,
 * as a provider and a game type). Results show each as a field of its own.
 *
 * <p>A key travels through the shuffle as one string: a single field as it is, several joined by
 * {@code U+0000} after escaping (a backslash doubled, a {@code U+0000} written as {@code \0}), so
 * that any two distinct keys stay distinct.
 */
public final class KeyFields<T> implements Serializable {
  private static final char SEPARATOR = '\u0000';

  private final List<String> names;
  private final List<SerializableFunction<T, String>> valuesOf;

  private KeyFields(List<String> names, List<SerializableFunction<T, String>> valuesOf) {
    this.names = List.copyOf(names);
    this.valuesOf = List.copyOf(valuesOf);
  }

  /** A key of one field. */
  public static <T> KeyFields<T> of(String name, SerializableFunction<T, String> valueOf) {
    return new KeyFields<>(List.of(name), List.of(valueOf));
  }

  /** These fields and one more. */
  public KeyFields<T> and(String name, SerializableFunction<T, String> valueOf) {
    if (names.contains(name)) {
      throw new IllegalArgumentException("a key field named '" + name + "' is defined twice");
    }
    List<String> moreNames = new ArrayList<>(names);
    moreNames.add(name);
    List<SerializableFunction<T, String>> moreValues = new ArrayList<>(valuesOf);
    moreValues.add(valueOf);
    return new KeyFields<>(moreNames, moreValues);
  }

  /** The result fields, in order. */
  List<Schema.Field> fields() {
    List<Schema.Field> fields = new ArrayList<>(names.size());
    for (String name : names) {
      fields.add(Schema.Field.of(name, FieldType.STRING));
    }
    return fields;
  }

  /** The key of a record as one string. */
  String keyOf(T record) {
    if (valuesOf.size() == 1) {
      return valuesOf.get(0).apply(record);
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < valuesOf.size(); i++) {
      if (i > 0) {
        key.append(SEPARATOR);
      }
      String part = valuesOf.get(i).apply(record);
      for (int c = 0; c < part.length(); c++) {
        char ch = part.charAt(c);
        if (ch == '\\') {
          key.append("\\\\");
        } else if (ch == SEPARATOR) {
          key.append("\\0");
        } else {
          key.append(ch);
        }
      }
    }
    return key.toString();
  }

  /** The fields' values of a key made by {@link #keyOf}, added to {@code values} in order. */
  void addParts(String key, List<Object> values) {
    if (names.size() == 1) {
      values.add(key);
      return;
    }
    StringBuilder part = new StringBuilder();
    for (int c = 0; c < key.length(); c++) {
      char ch = key.charAt(c);
      if (ch == SEPARATOR) {
        values.add(part.toString());
        part.setLength(0);
      } else if (ch == '\\') {
        char next = key.charAt(++c);
        part.append(next == '0' ? SEPARATOR : next);
      } else {
        part.append(ch);
      }
    }
    values.add(part.toString());
  }
}
