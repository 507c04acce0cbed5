package dev.tributary.transforms.social;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;

/**
 * The hours of the history a batch run reads, from {@code from} (inclusive) to {@code to}
 * (exclusive), either open: a file is in the range when its partition's hour ({@code
 * year=YYYY/month=MM/day=DD/hour=HH}) is. A file outside any partition is read (its records are
 * then judged by their content).
 */
public final class HistoryRange implements SerializableFunction<String, Boolean> {
  private static final Pattern PARTITION =
      Pattern.compile("year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/hour=(\\d{2})/");

  private final @Nullable Instant from;
  private final @Nullable Instant to;

  private HistoryRange(@Nullable Instant from, @Nullable Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
    }
    this.from = from;
    this.to = to;
  }

  /** The range of hours from {@code from} to {@code to}; null for no bound. */
  public static HistoryRange between(@Nullable Instant from, @Nullable Instant to) {
    return new HistoryRange(from, to);
  }

  /** The first hour read; null from the start. */
  public @Nullable Instant from() {
    return from;
  }

  /** The hour the read stops before; null to the end. */
  public @Nullable Instant to() {
    return to;
  }

  public boolean isAll() {
    return from == null && to == null;
  }

  /** Whether the partition hour of {@code file} is in the range. */
  @Override
  public Boolean apply(String file) {
    Matcher m = PARTITION.matcher(file);
    if (!m.find()) {
      return true;
    }
    Instant hour =
        new DateTime(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)),
                0,
                DateTimeZone.UTC)
            .toInstant();
    return (from == null || !hour.isBefore(from)) && (to == null || hour.isBefore(to));
  }

  @Override
  public String toString() {
    return "[" + (from == null ? "start" : from) + ", " + (to == null ? "end" : to) + ")";
  }
}
