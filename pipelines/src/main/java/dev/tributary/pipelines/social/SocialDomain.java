package dev.tributary.pipelines.social;

import dev.tributary.pipelines.Domain;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The social lambda architecture, as the generic tools find it. */
public final class SocialDomain implements Domain {
  @Override
  public String name() {
    return "social";
  }

  @Override
  public List<Class<?>> templates() {
    return List.of(
        SocialBatchLayerPipeline.class,
        SocialSpeedLayerPipeline.class,
        SocialLandingPipeline.class);
  }

  @Override
  public List<String> sampleArgs(Path repositoryRoot) {
    return List.of("--history=" + repositoryRoot.resolve(Path.of("test-data", "social", "sample")));
  }

  @Override
  public List<String> batchOutputs() {
    return SocialBatchLayerPipeline.OUTPUTS;
  }

  @Override
  public BatchRun runBatch(String[] args) {
    SocialBatchLayerPipeline.Summary summary = SocialBatchLayerPipeline.run(args);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("read", summary.read());
    counts.put("parsed", summary.kept());
    counts.put("dead", summary.deadLetters());
    counts.put("posts", summary.posts());
    counts.put("comments", summary.comments());
    counts.put("users", summary.users());
    return new BatchRun(summary.millis(), counts);
  }
}
