package dev.tributary.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Plain Java for a model: what {@link Parse} gives for a list of raw records, by the same rules
 * ({@link ParseAttempt}, and with ids {@link FirstOccurrence} as batch applies it), with the same
 * dead letters.
 *
 * @param records the records kept, in input order
 * @param deadLetters the records refused, parse refusals first, then duplicates
 */
public record ParsedRecords<T>(List<T> records, List<DeadLetter> deadLetters) {

  /** Parses {@code raws}, records called {@code recordName}; ids unique when {@code idOf} given. */
  public static <T> ParsedRecords<T> of(
      String recordName,
      RecordParser<T> parser,
      @Nullable Function<T, String> idOf,
      List<RawRecord> raws) {
    List<DeadLetter> deadLetters = new ArrayList<>();
    List<RawRecord> parsedRaws = new ArrayList<>();
    List<T> parsed = new ArrayList<>();
    for (RawRecord raw : raws) {
      ParseAttempt<T> attempt = ParseAttempt.of(parser, raw);
      if (attempt.isRefused()) {
        deadLetters.add(DeadLetter.of(raw, "parse-" + recordName, attempt.reason()));
      } else {
        parsedRaws.add(raw);
        parsed.add(attempt.record());
      }
    }
    if (idOf == null) {
      return new ParsedRecords<>(parsed, deadLetters);
    }
    Map<String, Integer> firstById = new HashMap<>();
    for (int i = 0; i < parsed.size(); i++) {
      firstById.merge(
          idOf.apply(parsed.get(i)),
          i,
          (kept, next) ->
              SourceOrder.INSTANCE.compare(parsedRaws.get(next).source, parsedRaws.get(kept).source)
                      < 0
                  ? next
                  : kept);
    }
    List<T> records = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      String id = idOf.apply(parsed.get(i));
      int first = firstById.get(id);
      if (first == i) {
        records.add(parsed.get(i));
      } else {
        deadLetters.add(
            DeadLetter.of(
                parsedRaws.get(i),
                FirstOccurrence.step(recordName),
                FirstOccurrence.duplicateReason(id, parsedRaws.get(first).source)));
      }
    }
    return new ParsedRecords<>(records, deadLetters);
  }
}
