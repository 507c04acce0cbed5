package dev.tributary.infra;

import java.nio.file.Path;

/**
 * A real HDFS for a test class, on a free port. Use as a static {@code @RegisterExtension} field.
 */
public final class HdfsExtension extends ServerExtension<HdfsServer> {
  public HdfsExtension() {
    super("hdfs");
  }

  @Override
  HdfsServer start(Path dataDir) {
    return HdfsServer.start(dataDir, FreePort.next());
  }

  public String uri() {
    return server().uri();
  }

  public String beamConfiguration() {
    return server().beamConfiguration();
  }
}
