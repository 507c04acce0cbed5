package dev.tributary.infra;

import java.nio.file.Path;
import java.util.List;

/**
 * A standalone Flink cluster for a test class, on free ports. Use as a static
 * {@code @RegisterExtension} field.
 */
public final class FlinkClusterExtension extends ServerExtension<FlinkCluster> {
  private final int slots;

  /** A cluster whose one TaskManager has {@code slots} slots. */
  public FlinkClusterExtension(int slots) {
    super("flink-cluster");
    this.slots = slots;
  }

  @Override
  FlinkCluster start(Path dataDir) {
    return FlinkCluster.start(dataDir, FreePort.next(), FreePort.next(), slots);
  }

  public String master() {
    return server().master();
  }

  public List<FlinkCluster.Job> jobs() {
    return server().jobs();
  }

  public void cancel(String id) {
    server().cancel(id);
  }

  /** See {@link FlinkCluster#jobConfig}. */
  public String jobConfig(String id) {
    return server().jobConfig(id);
  }

  /** See {@link FlinkCluster#logFiles}. */
  public List<Path> logFiles() {
    return server().logFiles();
  }

  public String state(String id) {
    return server().state(id);
  }

  /** The TaskManager's JVM, to kill and restart it. */
  public ServerProcess taskManager() {
    return server().taskManager();
  }

  /** See {@link FlinkCluster#stopWithSavepoint}. */
  public String stopWithSavepoint(String id, Path directory, java.time.Duration timeout) {
    return server().stopWithSavepoint(id, directory, timeout);
  }

  /** See {@link FlinkCluster#checkpoints}. */
  public FlinkCluster.Checkpoints checkpoints(String id) {
    return server().checkpoints(id);
  }
}
