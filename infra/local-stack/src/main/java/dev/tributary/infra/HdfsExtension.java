package dev.tributary.infra;

import java.nio.file.Path;

/**
 * A real HDFS for a test class, on a free port. Use as a static {@code @RegisterExtension} field.
 */
public final class HdfsExtension extends ServerExtension<HdfsServer> {
  private final int dataNodes;

  /** A NameNode and a DataNode in one JVM. */
  public HdfsExtension() {
    this(0);
  }

  private HdfsExtension(int dataNodes) {
    super("hdfs");
    this.dataNodes = dataNodes;
  }

  /** A NameNode and {@code dataNodes} DataNodes, each its own JVM; replication 3. */
  public static HdfsExtension cluster(int dataNodes) {
    return new HdfsExtension(dataNodes);
  }

  @Override
  HdfsServer start(Path dataDir) {
    return dataNodes == 0
        ? HdfsServer.start(dataDir, FreePort.next())
        : HdfsServer.startCluster(dataDir, FreePort.next(), dataNodes);
  }

  /** DataNode {@code i} (0-based), to kill and restart it. */
  public ServerProcess dataNode(int i) {
    return server().dataNode(i);
  }

  public String uri() {
    return server().uri();
  }

  public String beamConfiguration() {
    return server().beamConfiguration();
  }
}
