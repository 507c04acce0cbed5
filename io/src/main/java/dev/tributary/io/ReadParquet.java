package dev.tributary.io;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reads Parquet files written by {@link WriteParquetPartitioned} back into records of type {@code
 * T}: all of them with {@code <base>/year=*}{@code /month=*}{@code /day=*}{@code /hour=*}{@code
 * /*.parquet}, or one partition with its folder.
 */
public class ReadParquet<T> extends PTransform<PBegin, PCollection<T>> {
  private final Class<T> type;
  private final String filePattern;

  private ReadParquet(Class<T> type, String filePattern) {
    this.type = type;
    this.filePattern = filePattern;
  }

  public static <T> ReadParquet<T> of(Class<T> type, String filePattern) {
    return new ReadParquet<>(type, filePattern);
  }

  /** Every partition under {@code baseDirectory}. */
  public static String allPartitions(String baseDirectory) {
    return baseDirectory + "/year=*/month=*/day=*/hour=*/*.parquet";
  }

  @Override
  public PCollection<T> expand(PBegin begin) {
    Schema schema;
    try {
      schema = SchemaRegistry.createDefault().getSchema(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(type + " has no Beam schema", e);
    }
    return begin
        .apply(
            "Read Parquet",
            ParquetIO.read(ParquetSchemas.avroSchemaOf(schema, ParquetSchemas.MONEY_SCALE))
                .from(filePattern))
        .apply(
            "To rows",
            MapElements.into(TypeDescriptors.rows())
                .via((GenericRecord r) -> AvroUtils.toBeamRowStrict(r, schema)))
        .setRowSchema(schema)
        .apply("To " + type.getSimpleName(), Convert.fromRows(type));
  }
}
