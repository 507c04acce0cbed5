package dev.tributary.infra;

import java.nio.file.Path;
import java.util.List;

/**
 * A real HDFS and YARN for a test class, on free ports. Use as a static {@code @RegisterExtension}
 * field.
 */
public final class YarnExtension extends ServerExtension<YarnServer> {
  private final int nodeMemoryMb;

  /** A NodeManager that offers {@code nodeMemoryMb} to containers. */
  public YarnExtension(int nodeMemoryMb) {
    super("yarn");
    this.nodeMemoryMb = nodeMemoryMb;
  }

  @Override
  YarnServer start(Path dataDir) {
    return YarnServer.start(dataDir, FreePort.next(), nodeMemoryMb);
  }

  public String hdfsUri() {
    return server().hdfsUri();
  }

  public String beamConfiguration() {
    return server().beamConfiguration();
  }

  public Path confDir() {
    return server().confDir();
  }

  public List<String> endedApplications() {
    return server().endedApplications();
  }
}
