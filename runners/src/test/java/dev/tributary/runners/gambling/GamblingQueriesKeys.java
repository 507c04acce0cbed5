package dev.tributary.runners.gambling;

import java.util.function.Function;
import org.apache.beam.sdk.values.Row;
import org.joda.time.DateTimeZone;

/** How a model view's row is keyed to meet a query's: by a field, two, a UTC day or month. */
record GamblingQueriesKeys(String view, Function<Row, String> keyOf) {
  static GamblingQueriesKeys of(String view, String field) {
    return new GamblingQueriesKeys(view, r -> String.valueOf((Object) r.getValue(field)));
  }

  static GamblingQueriesKeys pair(String view, String first, String second) {
    return new GamblingQueriesKeys(
        view, r -> (Object) r.getValue(first) + "|" + (Object) r.getValue(second));
  }

  static GamblingQueriesKeys day(String view) {
    return new GamblingQueriesKeys(view, r -> GamblingSqlTest.text(r.getDateTime("windowStart")));
  }

  static GamblingQueriesKeys month(String view) {
    return new GamblingQueriesKeys(
        view,
        r ->
            r.getDateTime("windowStart")
                .toInstant()
                .toDateTime(DateTimeZone.UTC)
                .toString("yyyy-MM"));
  }

  static GamblingQueriesKeys dayAndRank(String view) {
    return new GamblingQueriesKeys(
        view, r -> GamblingSqlTest.text(r.getDateTime("windowStart")) + "|" + r.getInt32("rank"));
  }
}
