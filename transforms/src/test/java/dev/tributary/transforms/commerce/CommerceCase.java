package dev.tributary.transforms.commerce;

import dev.tributary.testdata.MalformedLines;
import dev.tributary.testdata.commerce.CommerceGenerator;
import dev.tributary.testing.DomainCase;
import dev.tributary.transforms.RawRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Commerce in the shared harness: a generated orders file (its header, malformed rows, a repeated
 * order id) through {@link CommerceAnalysis}, against {@link CommerceModel}.
 */
public final class CommerceCase implements DomainCase {
  static final int TOP_CITIES = 3;
  static final Duration ALLOWED_LATENESS = Duration.standardHours(1);
  private static final List<RawRecord> ROWS = rows();

  /** Small enough for a TestStream on every runner, over two days, malformed now and then. */
  private static List<RawRecord> rows() {
    CommerceGenerator.Settings settings = new CommerceGenerator.Settings();
    settings.seed = 11;
    settings.orders = 300;
    settings.days = 2;
    settings.start = LocalDate.of(2025, 11, 1);
    settings.malformedShare = 0.05;
    CommerceGenerator.Output output = CommerceGenerator.generate(settings);
    // A stream out of order keeps whichever of two rows with one id comes first, the model the
    // first in the file: repeated ids are left out here (FirstOccurrenceTest and the pipeline
    // tests cover them).
    Set<Long> repeated =
        output.groundTruth().stream()
            .filter(l -> l.defect().equals("duplicate_order_id"))
            .map(MalformedLines.Label::line)
            .collect(Collectors.toSet());
    List<RawRecord> rows = new ArrayList<>();
    List<String> lines = output.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (!repeated.contains(i + 1L)) {
        rows.add(RawRecord.ofLine("orders.csv", i + 1, lines.get(i)));
      }
    }
    return rows;
  }

  @Override
  public String name() {
    return "commerce";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public List<TimestampedValue<RawRecord>> events() {
    return DomainCase.timedBy(new OrderParser(), ROWS, Instant.parse("2025-11-01T00:00:00Z"));
  }

  @Override
  public Duration allowedLateness() {
    return ALLOWED_LATENESS;
  }

  @Override
  public Map<String, PCollection<?>> apply(Pipeline pipeline, PCollection<RawRecord> events) {
    CommerceOutputs outputs =
        events.apply(
            CommerceAnalysis.of(TOP_CITIES, ALLOWED_LATENESS, Duration.standardMinutes(1)));
    Map<String, PCollection<?>> all = new LinkedHashMap<>(outputs.views());
    all.put("orders", outputs.orders());
    all.put("deadLetters", outputs.deadLetters());
    return all;
  }

  @Override
  public Map<String, List<?>> model() {
    CommerceModel.Result expected = new CommerceModel(TOP_CITIES).run(ROWS);
    Map<String, List<?>> all = new LinkedHashMap<>(expected.views());
    all.put("orders", expected.orders());
    all.put("deadLetters", expected.deadLetters());
    return all;
  }
}
