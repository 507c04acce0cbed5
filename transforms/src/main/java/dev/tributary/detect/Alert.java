package dev.tributary.detect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.Instant;

/**
 * A rule's finding about one triggering record, in any domain. Its id is derived from the rule and
 * the triggering record, so re-running a pipeline over the same events yields the same ids and a
 * sink that upserts by id never holds duplicates.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Alert {
  /** {@code <rule>:<triggering record id>}. */
  public final String id;

  public final String rule;

  /** The version of the rule's definition that raised it, so that a changed rule is told apart. */
  public final int ruleVersion;

  /** What the alert is about, e.g. {@code account}, {@code device}, {@code player}. */
  public final String subjectType;

  public final String subjectId;

  /**
   * The records that together triggered the rule, in event-time then id order; the triggering one
   * is last.
   */
  public final List<String> recordIds;

  /** The rule's measure of those records, e.g. their total amount; null for a rule without one. */
  public final @Nullable BigDecimal measure;

  /** Further facts, e.g. {@code count}: how many records or distinct values were in the window. */
  public final List<AlertAttribute> attributes;

  /** Start of the event-time span the rule looked at (exclusive for windowed rules). */
  public final Instant windowStart;

  /** End of that span (inclusive): the triggering record's event time. */
  public final Instant windowEnd;

  /** LOW, MEDIUM or HIGH. */
  public final String severity;

  /**
   * When, in event time, the rule was satisfied: the triggering record's event time. An event time
   * rather than a wall-clock time, so that every run and every runner agree.
   */
  public final Instant detectionTime;

  @SchemaCreate
  public Alert(
      String id,
      String rule,
      int ruleVersion,
      String subjectType,
      String subjectId,
      List<String> recordIds,
      @Nullable BigDecimal measure,
      List<AlertAttribute> attributes,
      Instant windowStart,
      Instant windowEnd,
      String severity,
      Instant detectionTime) {
    this.id = id;
    this.rule = rule;
    this.ruleVersion = ruleVersion;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.recordIds = List.copyOf(recordIds);
    this.measure = measure;
    this.attributes = List.copyOf(attributes);
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.severity = severity;
    this.detectionTime = detectionTime;
  }

  /** An alert on one record at {@code time}, with version 1 of its rule and no attributes. */
  public static Alert ofRecord(
      String rule,
      String severity,
      String subjectType,
      String subjectId,
      String recordId,
      @Nullable BigDecimal measure,
      Instant time) {
    return new Alert(
        idFor(rule, recordId),
        rule,
        1,
        subjectType,
        subjectId,
        List.of(recordId),
        measure,
        List.of(),
        time,
        time,
        severity,
        time);
  }

  /** The id every alert of {@code rule} triggered by {@code recordId} has. */
  public static String idFor(String rule, String recordId) {
    return rule + ":" + recordId;
  }

  /** The triggering record's id: the last of {@link #recordIds}. */
  public String triggeringRecordId() {
    return recordIds.get(recordIds.size() - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Alert a
        && id.equals(a.id)
        && rule.equals(a.rule)
        && ruleVersion == a.ruleVersion
        && subjectType.equals(a.subjectType)
        && subjectId.equals(a.subjectId)
        && recordIds.equals(a.recordIds)
        && Objects.equals(measure, a.measure)
        && attributes.equals(a.attributes)
        && windowStart.equals(a.windowStart)
        && windowEnd.equals(a.windowEnd)
        && severity.equals(a.severity)
        && detectionTime.equals(a.detectionTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, recordIds, measure);
  }

  @Override
  public String toString() {
    return "Alert{"
        + id
        + " v"
        + ruleVersion
        + " "
        + severity
        + " "
        + subjectType
        + "="
        + subjectId
        + " measure="
        + measure
        + " records="
        + recordIds
        + " "
        + attributes
        + " window=("
        + windowStart
        + ", "
        + windowEnd
        + "]}";
  }
}
