package dev.tributary.pipelines;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One domain's pipelines as the generic tools see them: {@code CompareRunners} runs its batch
 * pipeline on every runner, the template {@code Launcher} lists and starts its templates. A domain
 * registers its implementation with {@link java.util.ServiceLoader}, in {@code
 * META-INF/services/dev.tributary.pipelines.Domain}, so that no generic code names a domain.
 */
public interface Domain {

  /** The domain's name, as in its packages and on the command line: {@code banking}. */
  String name();

  /** Its launchable pipelines: classes with a {@code main} and a {@code @Template}. */
  List<Class<?>> templates();

  /**
   * The arguments that point its batch pipeline at its committed sample, for a repository whose
   * root is {@code repositoryRoot}.
   */
  List<String> sampleArgs(Path repositoryRoot);

  /** The folders its batch pipeline writes under {@code --output}, one per output. */
  List<String> batchOutputs();

  /**
   * Runs its batch pipeline with these arguments to the end (by default over its committed sample)
   * and returns what its counters say.
   */
  BatchRun runBatch(String[] args);

  /**
   * What a batch run did.
   *
   * @param millis its wall-clock time
   * @param counts its counters by name, in the order a table shows them: records read, parsed, dead
   *     letters, and the domain's own
   */
  record BatchRun(long millis, Map<String, Long> counts) {}
}
