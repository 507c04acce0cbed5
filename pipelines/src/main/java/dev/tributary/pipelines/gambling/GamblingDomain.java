package dev.tributary.pipelines.gambling;

import dev.tributary.pipelines.Domain;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gambling analytics, as the generic tools find it. */
public final class GamblingDomain implements Domain {
  @Override
  public String name() {
    return "gambling";
  }

  @Override
  public List<Class<?>> templates() {
    return List.of(GamblingAnalyticsPipeline.class, StreamingGamblingPipeline.class);
  }

  @Override
  public List<String> sampleArgs(Path repositoryRoot) {
    return List.of("--data=" + repositoryRoot.resolve(Path.of("test-data", "gambling", "sample")));
  }

  @Override
  public List<String> batchOutputs() {
    return GamblingAnalyticsPipeline.OUTPUTS;
  }

  @Override
  public BatchRun runBatch(String[] args) {
    GamblingAnalyticsPipeline.Summary summary = GamblingAnalyticsPipeline.run(args);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("read", summary.totalRead());
    counts.put("parsed", summary.parsed());
    counts.put("dead", summary.deadLetters());
    counts.put("alerts", summary.alerts());
    counts.putAll(summary.alertsByRule());
    return new BatchRun(summary.millis(), counts);
  }
}
