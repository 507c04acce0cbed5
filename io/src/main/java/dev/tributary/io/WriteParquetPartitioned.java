package dev.tributary.io;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.DateTimeZone;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;

/**
 * Writes records that have a Beam schema as Parquet (the schema carried through Avro) into
 * Hive-style partition folders by event time, {@code <base>/year=YYYY/month=MM/day=DD/hour=HH/} (or
 * by day with {@link #byDay}, or none with {@link #unpartitioned}), which Spark, Hive or DuckDB
 * read as one partitioned table. Works on any file system Beam has registered: the local disk,
 * {@code hdfs://}. Each partition gets one file per write. Decimals are stored with two places
 * unless told otherwise (see {@link ParquetSchemas}).
 */
public class WriteParquetPartitioned<T>
    extends PTransform<PCollection<T>, WriteFilesResult<String>> {
  private static final DateTimeFormatter PARTITION =
      DateTimeFormat.forPattern("'year='yyyy'/month='MM'/day='dd'/hour='HH")
          .withZone(DateTimeZone.UTC);
  private static final DateTimeFormatter DAY_PARTITION =
      DateTimeFormat.forPattern("'year='yyyy'/month='MM'/day='dd").withZone(DateTimeZone.UTC);

  /** How records are spread over folders. */
  private enum Partitions {
    HOUR,
    DAY,
    NONE
  }

  /** Streaming: how often the records received since the last write land, by default. */
  public static final Duration DEFAULT_LAND_EVERY = Duration.standardMinutes(1);

  private final String baseDirectory;
  private final SerializableFunction<T, Instant> eventTimeOf;
  private final Duration landEvery;
  private final Partitions partitions;
  private final int decimalScale;

  private WriteParquetPartitioned(
      String baseDirectory,
      SerializableFunction<T, Instant> eventTimeOf,
      Duration landEvery,
      Partitions partitions,
      int decimalScale) {
    this.baseDirectory = baseDirectory;
    this.eventTimeOf = eventTimeOf;
    this.landEvery = landEvery;
    this.partitions = partitions;
    this.decimalScale = decimalScale;
  }

  /** Partitions by the hour of each record's event time. */
  public static <T> WriteParquetPartitioned<T> to(
      String baseDirectory, SerializableFunction<T, Instant> eventTimeOf) {
    return new WriteParquetPartitioned<>(
        baseDirectory,
        eventTimeOf,
        DEFAULT_LAND_EVERY,
        Partitions.HOUR,
        ParquetSchemas.MONEY_SCALE);
  }

  /** One table in one folder, without partitions. */
  public static <T> WriteParquetPartitioned<T> unpartitioned(String baseDirectory) {
    return new WriteParquetPartitioned<>(
        baseDirectory, r -> null, DEFAULT_LAND_EVERY, Partitions.NONE, ParquetSchemas.MONEY_SCALE);
  }

  /** Partitions by UTC day, {@code year=YYYY/month=MM/day=DD}, instead of by hour. */
  public WriteParquetPartitioned<T> byDay() {
    return new WriteParquetPartitioned<>(
        baseDirectory, eventTimeOf, landEvery, Partitions.DAY, decimalScale);
  }

  /** Stores every decimal with this many places (each value must have at most that many). */
  public WriteParquetPartitioned<T> withDecimalScale(int scale) {
    return new WriteParquetPartitioned<>(baseDirectory, eventTimeOf, landEvery, partitions, scale);
  }

  /**
   * Streaming: the records received since the last write land as new files this often (processing
   * time), each file named by its pane so that none overwrites another. Batch writes once.
   */
  public WriteParquetPartitioned<T> withLandingEvery(Duration every) {
    return new WriteParquetPartitioned<>(
        baseDirectory, eventTimeOf, every, partitions, decimalScale);
  }

  /** The partition folder of an event time, e.g. {@code year=2026/month=03/day=02/hour=10}. */
  public static String partitionOf(Instant eventTime) {
    return PARTITION.print(eventTime);
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<T> records) {
    // From the type, not the collection's coder: a collection may carry a faster coder than the
    // schema's.
    Schema schema;
    SerializableFunction<T, Row> toRow;
    try {
      if (records.hasSchema()) {
        schema = records.getSchema();
        toRow = records.getToRowFunction();
      } else {
        schema = records.getPipeline().getSchemaRegistry().getSchema(records.getTypeDescriptor());
        toRow =
            records.getPipeline().getSchemaRegistry().getToRowFunction(records.getTypeDescriptor());
      }
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(
          "records written as Parquet need a Beam schema: " + records.getTypeDescriptor(), e);
    }
    org.apache.avro.Schema avroSchema = ParquetSchemas.avroSchemaOf(schema, decimalScale);
    // Batch: one window, so that files are named by partition alone, not by window too (a window
    // in a name brings ':' into it, which Hadoop's paths refuse).
    PCollection<T> panes =
        records.getWindowingStrategy().getWindowFn() instanceof GlobalWindows
            ? records
            : records.apply("Into one window", Window.<T>into(new GlobalWindows()));
    if (records.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      // The global window never closes, so no record is ever too late to land; each firing
      // writes only what came since the last (discarding panes).
      panes =
          records.apply(
              "Land every " + landEvery,
              Window.<T>into(new GlobalWindows())
                  .triggering(
                      Repeatedly.forever(
                          AfterProcessingTime.pastFirstElementInPane().plusDelayOf(landEvery)))
                  .withAllowedLateness(Duration.ZERO)
                  .discardingFiredPanes());
    }
    return panes
        .apply(
            "With partition",
            ParDo.of(
                new ToPartitionedAvroFn<>(
                    avroSchema.toString(), toRow, eventTimeOf, partitions, decimalScale)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(GenericRecord.class, avroSchema)))
        .apply(
            "Write Parquet",
            FileIO.<String, KV<String, GenericRecord>>writeDynamic()
                .by(KV::getKey)
                .via(Contextful.fn(KV::getValue), ParquetIO.sink(avroSchema))
                .to(baseDirectory)
                .withDestinationCoder(StringUtf8Coder.of())
                // One file per partition, named by its shard. With the runner choosing the shards,
                // Beam numbers a partition's files within each bundle of results it finalizes, and
                // two bundles holding files of one partition both name one part-00000 (seen on
                // Spark).
                .withNumShards(1)
                .withNaming(
                    partition ->
                        FileIO.Write.defaultNaming(
                            partition.isEmpty() ? "part" : partition + "/part", ".parquet")));
  }

  private static class ToPartitionedAvroFn<T> extends DoFn<T, KV<String, GenericRecord>> {
    private final SerializableFunction<T, Row> toRow;
    private final SerializableFunction<T, Instant> eventTimeOf;
    private final String avroSchemaJson;
    private final Partitions partitions;
    private final int decimalScale;
    private transient org.apache.avro.Schema avroSchema;

    /** {@code avroSchemaJson}: Avro schemas are not serializable, their JSON is. */
    ToPartitionedAvroFn(
        String avroSchemaJson,
        SerializableFunction<T, Row> toRow,
        SerializableFunction<T, Instant> eventTimeOf,
        Partitions partitions,
        int decimalScale) {
      this.avroSchemaJson = avroSchemaJson;
      this.partitions = partitions;
      this.decimalScale = decimalScale;
      this.toRow = toRow;
      this.eventTimeOf = eventTimeOf;
    }

    @Setup
    public void setup() {
      avroSchema = new org.apache.avro.Schema.Parser().parse(avroSchemaJson);
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<KV<String, GenericRecord>> out) {
      String partition =
          switch (partitions) {
            case HOUR -> partitionOf(eventTimeOf.apply(record));
            case DAY -> DAY_PARTITION.print(eventTimeOf.apply(record));
            case NONE -> "";
          };
      Row row = ParquetSchemas.withDecimalScale(toRow.apply(record), decimalScale);
      out.output(KV.of(partition, AvroUtils.toGenericRecord(row, avroSchema)));
    }
  }
}
