package dev.tributary.detect;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * One named fact of an {@link Alert}, such as {@code count = 5}. A list of these rather than a map,
 * because Beam's JSON conversion of schema rows takes lists and nested rows but not maps.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class AlertAttribute {
  public final String name;
  public final String value;

  @SchemaCreate
  public AlertAttribute(String name, String value) {
    this.name = name;
    this.value = value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertAttribute a && name.equals(a.name) && value.equals(a.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value);
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
