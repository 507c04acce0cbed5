package dev.tributary.detect;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.testing.UsesTestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;

/**
 * The windowed rule with another key and a distinct count: "at least 3 distinct players on one
 * device within 24 hours", as the gambling domain's shared-device rule will be.
 */
public class WindowedCountRuleTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** A session: which player used which device when. */
  record Session(String id, String device, String player, Instant start) implements Serializable {}

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  private static Session session(String id, String device, String player, int hours) {
    return new Session(id, device, player, T0.plus(Duration.standardHours(hours)));
  }

  private static final List<Session> SESSIONS =
      List.of(
          session("s1", "d1", "p1", 0),
          session("s2", "d1", "p1", 1),
          session("s3", "d1", "p2", 2),
          // The third distinct player within 24 hours: an alert.
          session("s4", "d1", "p3", 3),
          // Still three distinct in (s5 - 24h, s5]: an alert too.
          session("s5", "d1", "p2", 10),
          // Only p2 and p4 remain within its window (s1..s4 are over 24 hours before): none.
          session("s6", "d1", "p4", 27),
          // Another device with four sessions of one player: none.
          session("s7", "d2", "p1", 0),
          session("s8", "d2", "p1", 1),
          session("s9", "d2", "p1", 2),
          session("s10", "d2", "p1", 3));

  private static final WindowedCountRule<Session> SHARED_DEVICE =
      WindowedCountRule.<Session>of(
              "shared_device", "device", Session::device, Session::id, Session::start)
          .countingDistinct(Session::player)
          .atLeast(3)
          .within(Duration.standardHours(24))
          .withAllowedLateness(Duration.standardHours(1))
          .withSeverity("HIGH", 2);

  private static Alert alert(String trigger, int hours, String count, String... ids) {
    Instant end = T0.plus(Duration.standardHours(hours));
    return new Alert(
        "shared_device:" + trigger,
        "shared_device",
        2,
        "device",
        "d1",
        List.of(ids),
        null,
        List.of(new AlertAttribute("count", count)),
        end.minus(Duration.standardHours(24)),
        end,
        "HIGH",
        end);
  }

  private static final List<Alert> EXPECTED =
      List.of(
          alert("s4", 3, "3", "s1", "s2", "s3", "s4"),
          alert("s5", 10, "3", "s1", "s2", "s3", "s4", "s5"));

  @Test
  public void batchCountsDistinctValuesPerSubject() {
    PCollection<Session> input =
        pipeline.apply(
            Create.timestamped(
                    SESSIONS.stream().map(s -> TimestampedValue.of(s, s.start())).toList())
                .withCoder(SerializableCoder.of(Session.class)));
    PAssert.that(input.apply(SHARED_DEVICE)).containsInAnyOrder(EXPECTED);
    pipeline.run();
  }

  @Test
  @Category(UsesTestStream.class)
  public void streamingOutOfOrderWithinTheLatenessGivesTheSameAlerts() {
    TestStream.Builder<Session> stream =
        TestStream.create(SerializableCoder.of(Session.class)).advanceWatermarkTo(T0);
    // Newest first: every session but the newest arrives after a later one.
    for (int i = SESSIONS.size() - 1; i >= 0; i--) {
      stream = stream.addElements(TimestampedValue.of(SESSIONS.get(i), SESSIONS.get(i).start()));
    }
    PCollection<Alert> alerts =
        pipeline.apply(stream.advanceWatermarkToInfinity()).apply(SHARED_DEVICE);
    PAssert.that(alerts).containsInAnyOrder(EXPECTED);
    pipeline.run();
  }

  @Test
  public void aRecordOfSeveralSubjectsIsJudgedForEachWithItsOwnId() {
    WindowedCountRule<Session> sharedDeviceOrPlayer =
        WindowedCountRule.<Session>ofEach(
                "shared",
                "device_or_player",
                s -> List.of("device:" + s.device(), "player:" + s.player()),
                Session::id,
                Session::start)
            .atLeast(4)
            .within(Duration.standardHours(24));
    PCollection<Session> input =
        pipeline.apply(
            Create.timestamped(
                    SESSIONS.stream().map(s -> TimestampedValue.of(s, s.start())).toList())
                .withCoder(SerializableCoder.of(Session.class)));
    // s4 and s5 are the fourth and fifth sessions on d1, s10 the fourth on d2; p1 has s1 and s7 at
    // hour 0 and s2 and s8 at hour 1, so from s2 on (equal times all count) each has four or more.
    PAssert.that(
            input
                .apply(sharedDeviceOrPlayer)
                .apply(MapElements.into(TypeDescriptors.strings()).via((Alert a) -> a.id)))
        .containsInAnyOrder(
            "shared:device:d1:s4",
            "shared:device:d1:s5",
            "shared:device:d2:s10",
            "shared:player:p1:s2",
            "shared:player:p1:s8",
            "shared:player:p1:s9",
            "shared:player:p1:s10");
    pipeline.run();
  }
}
