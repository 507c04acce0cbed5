package dev.tributary.transforms;

import static dev.tributary.transforms.ParseTest.tx;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.tributary.testing.AssertsArrivalOrder;
import dev.tributary.transforms.banking.Transaction;
import dev.tributary.transforms.banking.TransactionCoder;
import dev.tributary.transforms.banking.TransactionParser;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.testing.UsesTestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/**
 * Duplicate ids: the first occurrence is kept and every later one is a dead letter naming the
 * first; in batch the earliest source wins whatever the order, in streaming the first to arrive.
 */
public class FirstOccurrenceTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final String FIRST = tx("t1", "10.00", "2026-03-02T10:00:00Z");
  private static final String SECOND = tx("t1", "20.00", "2026-03-02T10:05:00Z");
  private static final String THIRD = tx("t1", "30.00", "2026-03-02T09:55:00Z");
  private static final String OTHER = tx("t2", "40.00", "2026-03-02T10:01:00Z");

  private WithFailures.Result<PCollection<Transaction>, DeadLetter> unique(
      PCollection<RawRecord> raw) {
    return raw.apply(
        Parse.of("transactions", new TransactionParser())
            .withCoder(TransactionCoder.of())
            .withUniqueIds(tx -> tx.id));
  }

  private static PCollection<String> amounts(PCollection<Transaction> records) {
    return records.apply(
        MapElements.into(TypeDescriptors.strings()).via(tx -> tx.id + "=" + tx.amount));
  }

  private Coder<RawRecord> rawCoder() throws NoSuchSchemaException {
    return pipeline.getSchemaRegistry().getSchemaCoder(RawRecord.class);
  }

  @Test
  public void inBatchTheEarliestSourceWinsWhateverTheOrder() throws NoSuchSchemaException {
    // Line 10 comes after line 9 although it sorts first as text.
    PCollection<RawRecord> raw =
        pipeline.apply(
            Create.of(
                    new RawRecord("tx.jsonl:10", SECOND),
                    new RawRecord("tx.jsonl:11", THIRD),
                    new RawRecord("tx.jsonl:9", FIRST),
                    new RawRecord("tx.jsonl:12", OTHER))
                .withCoder(rawCoder()));
    WithFailures.Result<PCollection<Transaction>, DeadLetter> result = unique(raw);

    PAssert.that(amounts(result.output())).containsInAnyOrder("t1=10.00", "t2=40.00");
    PAssert.that(result.failures())
        .containsInAnyOrder(
            new DeadLetter(
                "tx.jsonl:10",
                "unique-transactions",
                "duplicate id 't1': its first occurrence is tx.jsonl:9",
                SECOND),
            new DeadLetter(
                "tx.jsonl:11",
                "unique-transactions",
                "duplicate id 't1': its first occurrence is tx.jsonl:9",
                THIRD));
    pipeline.run();
  }

  @Test
  @Category(UsesTestStream.class)
  public void inStreamingOneOccurrenceIsKeptAndTheOtherNamesIt() throws NoSuchSchemaException {
    TestStream<RawRecord> stream =
        TestStream.create(rawCoder())
            .addElements(
                TimestampedValue.of(
                    new RawRecord("kafka:tx/0@5", FIRST), Instant.parse("2026-03-02T10:00:00Z")),
                TimestampedValue.of(
                    new RawRecord("kafka:tx/0@6", SECOND), Instant.parse("2026-03-02T10:05:00Z")),
                TimestampedValue.of(
                    new RawRecord("kafka:tx/1@2", OTHER), Instant.parse("2026-03-02T10:01:00Z")))
            .advanceWatermarkToInfinity();
    WithFailures.Result<PCollection<Transaction>, DeadLetter> result =
        unique(pipeline.apply(stream));

    PAssert.that(amounts(result.output()))
        .satisfies(
            kept -> {
              List<String> all = new java.util.ArrayList<>();
              kept.forEach(all::add);
              assertEquals(2, all.size());
              assertTrue(all.contains("t2=40.00"));
              assertTrue(all.contains("t1=10.00") || all.contains("t1=20.00"));
              return null;
            });
    PAssert.that(result.failures())
        .satisfies(
            refused -> {
              DeadLetter only = refused.iterator().next();
              String other = only.source.equals("kafka:tx/0@5") ? "kafka:tx/0@6" : "kafka:tx/0@5";
              assertEquals("duplicate id 't1': its first occurrence is " + other, only.reason);
              return null;
            });
    pipeline.run();
  }

  @Test
  @Category({UsesTestStream.class, AssertsArrivalOrder.class})
  public void inStreamingTheFirstToArriveWinsAndAnIdIsForgottenAfterTheRetention()
      throws NoSuchSchemaException {
    TestStream<RawRecord> stream =
        TestStream.create(rawCoder())
            .addElements(
                TimestampedValue.of(
                    new RawRecord("kafka:tx/0@5", FIRST), Instant.parse("2026-03-02T10:00:00Z")))
            .advanceWatermarkTo(Instant.parse("2026-03-02T10:04:00Z"))
            .addElements(
                TimestampedValue.of(
                    new RawRecord("kafka:tx/0@6", SECOND), Instant.parse("2026-03-02T10:05:00Z")),
                TimestampedValue.of(
                    new RawRecord("kafka:tx/1@2", OTHER), Instant.parse("2026-03-02T10:01:00Z")))
            // Past the first occurrence's event time plus the retention: t1 is forgotten.
            .advanceWatermarkTo(
                Instant.parse("2026-03-02T10:00:00Z")
                    .plus(FirstOccurrence.DEFAULT_RETENTION)
                    .plus(Duration.standardMinutes(1)))
            .addElements(
                TimestampedValue.of(
                    new RawRecord("kafka:tx/0@7", THIRD), Instant.parse("2026-03-02T10:12:00Z")))
            .advanceWatermarkToInfinity();
    WithFailures.Result<PCollection<Transaction>, DeadLetter> result =
        unique(pipeline.apply(stream));

    PAssert.that(amounts(result.output())).containsInAnyOrder("t1=10.00", "t2=40.00", "t1=30.00");
    PAssert.that(result.failures())
        .containsInAnyOrder(
            List.of(
                new DeadLetter(
                    "kafka:tx/0@6",
                    "unique-transactions",
                    "duplicate id 't1': its first occurrence is kafka:tx/0@5",
                    SECOND)));
    pipeline.run();
  }
}
