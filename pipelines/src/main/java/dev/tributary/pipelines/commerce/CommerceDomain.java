package dev.tributary.pipelines.commerce;

import dev.tributary.pipelines.Domain;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Commerce revenue and charts, as the generic tools find it. */
public final class CommerceDomain implements Domain {
  @Override
  public String name() {
    return "commerce";
  }

  @Override
  public List<Class<?>> templates() {
    return List.of(CommerceReportPipeline.class, StreamingCommercePipeline.class);
  }

  @Override
  public List<String> sampleArgs(Path repositoryRoot) {
    return List.of(
        "--orders="
            + repositoryRoot.resolve(Path.of("test-data", "commerce", "sample", "orders.csv")),
        // The report is plain Java after the pipeline; runners are compared on the pipeline's
        // outputs.
        "--report=false");
  }

  @Override
  public List<String> batchOutputs() {
    return CommerceReportPipeline.OUTPUTS;
  }

  @Override
  public BatchRun runBatch(String[] args) {
    CommerceReportPipeline.Summary summary = CommerceReportPipeline.run(args);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("read", summary.read());
    counts.put("parsed", summary.parsed());
    counts.put("dead", summary.deadLetters());
    counts.put("headers", summary.headers());
    return new BatchRun(summary.pipelineMillis(), counts);
  }
}
