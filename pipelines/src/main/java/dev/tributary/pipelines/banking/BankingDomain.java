package dev.tributary.pipelines.banking;

import dev.tributary.pipelines.Domain;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Banking fraud detection, as the generic tools find it. */
public final class BankingDomain implements Domain {
  @Override
  public String name() {
    return "banking";
  }

  @Override
  public List<Class<?>> templates() {
    return List.of(FraudDetectionPipeline.class, StreamingFraudDetectionPipeline.class);
  }

  @Override
  public List<String> sampleArgs(Path repositoryRoot) {
    Path sample = repositoryRoot.resolve(Path.of("test-data", "banking", "sample"));
    return List.of(
        "--input=" + sample.resolve("transactions.jsonl"),
        "--accounts=" + sample.resolve("accounts.jsonl"));
  }

  @Override
  public List<String> batchOutputs() {
    return FraudDetectionPipeline.OUTPUTS;
  }

  @Override
  public BatchRun runBatch(String[] args) {
    FraudDetectionPipeline.Summary summary = FraudDetectionPipeline.run(args);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("read", summary.read());
    counts.put("parsed", summary.parsed());
    counts.put("dead", summary.deadLetters());
    counts.put("alerts", summary.alerts());
    counts.putAll(summary.alertsByRule());
    return new BatchRun(summary.millis(), counts);
  }
}
