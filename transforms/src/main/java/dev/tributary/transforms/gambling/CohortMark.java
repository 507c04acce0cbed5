package dev.tributary.transforms.gambling;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;
import org.joda.time.LocalDate;

/**
 * A player of a registration cohort (UTC day of registration), active {@code dayOffset} days after
 * it; offset 0 marks the player as a member of the cohort, whether active or not.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class CohortMark {
  public final String cohortDay;
  public final String playerId;
  public final int dayOffset;

  @SchemaCreate
  public CohortMark(String cohortDay, String playerId, int dayOffset) {
    this.cohortDay = cohortDay;
    this.playerId = playerId;
    this.dayOffset = dayOffset;
  }

  static LocalDate utcDay(Instant time) {
    return time.toDateTime(DateTimeZone.UTC).toLocalDate();
  }

  /** The player as a member of its cohort. */
  static CohortMark member(Player player) {
    return new CohortMark(utcDay(player.registeredAt).toString(), player.playerId, 0);
  }

  /** The player active at {@code time}, that many days after registering. */
  static CohortMark active(Player player, Instant time) {
    LocalDate registered = utcDay(player.registeredAt);
    int offset = org.joda.time.Days.daysBetween(registered, utcDay(time)).getDays();
    return new CohortMark(registered.toString(), player.playerId, offset);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CohortMark m
        && cohortDay.equals(m.cohortDay)
        && playerId.equals(m.playerId)
        && dayOffset == m.dayOffset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(cohortDay, playerId, dayOffset);
  }
}
