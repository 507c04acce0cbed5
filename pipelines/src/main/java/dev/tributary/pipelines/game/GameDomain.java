package dev.tributary.pipelines.game;

import dev.tributary.pipelines.Domain;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Game events from an HTTP API, as the generic tools find it. */
public final class GameDomain implements Domain {
  @Override
  public String name() {
    return "game";
  }

  @Override
  public List<Class<?>> templates() {
    return List.of(GameEventCountsPipeline.class, StreamingGameEventsPipeline.class);
  }

  @Override
  public List<String> sampleArgs(Path repositoryRoot) {
    return List.of(
        "--events="
            + repositoryRoot.resolve(Path.of("test-data", "game", "sample", "events.jsonl")));
  }

  @Override
  public List<String> batchOutputs() {
    return GameEventCountsPipeline.OUTPUTS;
  }

  @Override
  public BatchRun runBatch(String[] args) {
    GameEventCountsPipeline.Summary summary = GameEventCountsPipeline.run(args);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("read", summary.read());
    counts.put("parsed", summary.parsed());
    counts.put("dead", summary.deadLetters());
    return new BatchRun(summary.millis(), counts);
  }
}
