package dev.tributary.transforms;

import java.io.Serializable;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Turns one raw payload into one typed record of a domain, or says why it cannot. Plain Java with
 * no Beam in it, so that the plain-Java models and the pipelines agree on what is malformed.
 *
 * @param <T> the domain record
 */
public interface RecordParser<T> extends Serializable {
  /**
   * The event time of reference data, which is not an event and holds for all time: it lives at the
   * start of time.
   */
  Instant TIMELESS = BoundedWindow.TIMESTAMP_MIN_VALUE;

  /** Parses one payload; throws with a human-readable reason when it is malformed. */
  T parse(String payload) throws InvalidRecordException;

  /**
   * The record's event time, which becomes its element timestamp: within {@link EventTimeRange}, or
   * {@link #TIMELESS} for reference data.
   */
  Instant eventTime(T record);

  /** The record's Java type, from which Beam infers its schema and coder. */
  TypeDescriptor<T> type();
}
