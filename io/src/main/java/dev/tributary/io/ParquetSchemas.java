package dev.tributary.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * The Avro schema Parquet files are written and read with, derived from a Beam schema. A Beam
 * DECIMAL carries no scale, so decimals are stored as Avro decimal(38, {@code decimalScale}): every
 * value must have at most that many places (Tributary's amounts have exactly two). Decimals nested
 * inside row fields keep Beam's default mapping.
 */
public final class ParquetSchemas {
  /** Amounts: two decimal places. */
  public static final int MONEY_SCALE = 2;

  private ParquetSchemas() {}

  public static org.apache.avro.Schema avroSchemaOf(Schema beamSchema, int decimalScale) {
    org.apache.avro.Schema derived = AvroUtils.toAvroSchema(beamSchema);
    List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
    for (org.apache.avro.Schema.Field field : derived.getFields()) {
      fields.add(
          new org.apache.avro.Schema.Field(
              field.name(),
              withScale(field.schema(), decimalScale),
              field.doc(),
              field.defaultVal()));
    }
    return org.apache.avro.Schema.createRecord(
        derived.getName(), derived.getDoc(), derived.getNamespace(), false, fields);
  }

  /**
   * {@code row} with each top-level decimal set to {@code scale} places, as the Avro schema stores
   * it; a value with more places fails, as it cannot be stored exactly.
   */
  public static Row withDecimalScale(Row row, int scale) {
    return TopLevelDecimals.map(row, d -> d.scale() == scale ? d : d.setScale(scale));
  }

  private static org.apache.avro.Schema withScale(org.apache.avro.Schema schema, int scale) {
    if (schema.getType() == org.apache.avro.Schema.Type.UNION) {
      List<org.apache.avro.Schema> types = new ArrayList<>();
      schema.getTypes().forEach(t -> types.add(withScale(t, scale)));
      return org.apache.avro.Schema.createUnion(types);
    }
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
      org.apache.avro.Schema bytes =
          org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES);
      LogicalTypes.decimal(38, scale).addToSchema(bytes);
      return bytes;
    }
    return schema;
  }
}
