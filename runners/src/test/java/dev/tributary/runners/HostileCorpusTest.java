package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.pipelines.Domain;
import dev.tributary.pipelines.Domains;
import dev.tributary.testdata.HostileCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every domain's batch pipeline (Direct runner) over its committed sample with the shared hostile
 * corpus ({@link HostileCorpus}) appended to one file of each of its inputs: the job ends, records
 * read = parsed + dead letters, and every case that any parser must refuse is a dead letter at its
 * {@code file:line} that keeps its payload (or its bytes, or its size and hash) and a reason.
 */
class HostileCorpusTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A case appended to an input file, and where. */
  private record Appended(Path file, long line, HostileCorpus.Case hostile) {}

  static Stream<String> domains() {
    return Domains.all().stream().map(Domain::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("domains")
  void theCorpusEndsAsRecordsOrDeadLettersNeverAsACrash(
      String name, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Domain domain = Domains.named(name);
    Path sample = Path.of("test-data", name, "sample");
    copy(REPOSITORY.resolve(sample), dir.resolve(sample));
    List<Appended> appended = new ArrayList<>();
    for (Path file : inputFiles(dir.resolve(sample))) {
      appended.addAll(appendCorpus(file));
    }
    List<String> args = new ArrayList<>(domain.sampleArgs(dir));
    args.add("--output=" + dir.resolve("out"));
    // As CompareRunners runs Direct: the check walks the whole graph for every bundle.
    args.add("--enforceImmutability=false");
    Domain.BatchRun run = domain.runBatch(args.toArray(String[]::new));

    long read = run.counts().get("read");
    long parsed = run.counts().get("parsed");
    long dead = run.counts().get("dead");
    assertEquals(read, parsed + dead, name + ": records read = parsed + dead letters");

    Map<String, JsonNode> letters = new HashMap<>();
    for (String line : OutputFiles.lines(dir.resolve("out").resolve("dead-letters") + "/*")) {
      JsonNode letter = JSON.readTree(line);
      letters.put(letter.get("source").asText(), letter);
    }
    // The counters count the main records; the file also holds reference data's dead letters.
    assertTrue(
        letters.size() >= dead,
        name + ": a dead letter for each refused record: " + letters.size());
    int mustRefuse = 0;
    for (Appended a : appended) {
      if (!a.hostile().mustRefuse()) {
        continue;
      }
      mustRefuse++;
      String source = a.file().toUri().getPath();
      JsonNode letter =
          letters.entrySet().stream()
              .filter(e -> e.getKey().endsWith(a.file().getFileName() + ":" + a.line()))
              .filter(e -> e.getKey().contains(a.file().getParent().getFileName().toString()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      assertNotNull(
          letter,
          name
              + ": '"
              + a.hostile().name()
              + "' at "
              + source
              + ":"
              + a.line()
              + " is a dead letter");
      assertFalse(letter.get("reason").asText().isBlank(), a.hostile().name() + " has a reason");
      assertTrue(
          letter.hasNonNull("payload") || letter.hasNonNull("payloadBase64"),
          a.hostile().name() + " keeps its payload: " + letter);
    }
    System.out.printf(
        "[hostile corpus] %s: %d cases appended (%d that every parser must refuse) -> read %d = parsed %d + dead letters %d%n",
        name, appended.size(), mustRefuse, read, parsed, dead);
  }

  /**
   * One data file per input of the sample (the first of a partitioned folder), not ground truth.
   */
  private static List<Path> inputFiles(Path sample) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(sample).sorted()) {
      for (Path entry : entries.toList()) {
        if (entry.getFileName().toString().startsWith("ground-truth")) {
          continue;
        }
        if (Files.isDirectory(entry)) {
          try (Stream<Path> inside = Files.walk(entry)) {
            inside.filter(Files::isRegularFile).sorted().findFirst().ifPresent(files::add);
          }
        } else {
          files.add(entry);
        }
      }
    }
    return files;
  }

  /** Appends the corpus of the file's format around its first record; returns where each went. */
  private static List<Appended> appendCorpus(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean csv = file.getFileName().toString().endsWith(".csv");
    List<HostileCorpus.Case> cases =
        csv ? HostileCorpus.csvRows(lines.get(1)) : HostileCorpus.jsonLines(lines.get(0));
    byte[] content = Files.readAllBytes(file);
    boolean endsWithNewline = content.length > 0 && content[content.length - 1] == '\n';
    List<Appended> appended = new ArrayList<>();
    long line = lines.size();
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
      if (!endsWithNewline) {
        out.write('\n');
      }
      for (HostileCorpus.Case hostile : cases) {
        out.write(hostile.bytes());
        out.write('\n');
        appended.add(new Appended(file, ++line, hostile));
      }
    }
    return appended;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
