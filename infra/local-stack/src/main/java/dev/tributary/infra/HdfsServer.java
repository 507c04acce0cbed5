package dev.tributary.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real HDFS on 127.0.0.1: a NameNode and a DataNode in one JVM, or ({@link #startCluster}) a
 * NameNode and DataNodes each in a JVM of its own, blocks replicated to 3, so that a fault test can
 * kill a DataNode ({@link #dataNode}) and start it again.
 */
public final class HdfsServer implements AutoCloseable {
  private static final String MAIN = "dev.tributary.infra.hdfs.HdfsServerMain";

  private final ServerProcess process;
  private final List<ServerProcess> dataNodes;

  private HdfsServer(ServerProcess process, List<ServerProcess> dataNodes) {
    this.process = process;
    this.dataNodes = List.copyOf(dataNodes);
  }

  /** Starts HDFS keeping its data in {@code dataDir} (formatted on first use, reused after). */
  public static HdfsServer start(Path dataDir, int nameNodePort) {
    return new HdfsServer(
        ServerProcess.start(
            "HDFS",
            "hdfs-server",
            MAIN,
            List.of("-Xmx512m", "-XX:+UseSerialGC"),
            List.of(dataDir.resolve("data").toString(), String.valueOf(nameNodePort)),
            dataDir.resolve("hdfs.log"),
            Duration.ofSeconds(120)),
        List.of());
  }

  /**
   * Starts a NameNode on {@code nameNodePort} and {@code count} DataNodes, each in its own JVM,
   * DataNode {@code i} keeping its blocks in {@code dataDir/datanode-i}; files are replicated to 3.
   */
  public static HdfsServer startCluster(Path dataDir, int nameNodePort, int count) {
    ServerProcess nameNode =
        ServerProcess.start(
            "HDFS NameNode",
            "hdfs-server",
            MAIN,
            List.of("-Xmx512m", "-XX:+UseSerialGC"),
            List.of(
                dataDir.resolve("namenode").toString(), String.valueOf(nameNodePort), "namenode"),
            dataDir.resolve("namenode.log"),
            Duration.ofSeconds(120));
    List<ServerProcess> dataNodes = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      dataNodes.add(
          ServerProcess.start(
              "HDFS DataNode " + i,
              "hdfs-server",
              MAIN,
              List.of("-Xmx384m", "-XX:+UseSerialGC"),
              List.of(
                  dataDir.resolve("datanode-" + i).toString(),
                  String.valueOf(nameNodePort),
                  "datanode"),
              dataDir.resolve("datanode-" + i + ".log"),
              Duration.ofSeconds(120)));
    }
    return new HdfsServer(nameNode, dataNodes);
  }

  /** DataNode {@code i} (0-based) of a cluster, to kill and restart it. */
  public ServerProcess dataNode(int i) {
    return dataNodes.get(i);
  }

  /** The file system's address, e.g. {@code hdfs://127.0.0.1:8020}. */
  public String uri() {
    return process.ready("uri");
  }

  /**
   * Beam's {@code --hdfsConfiguration} value for this file system. With DataNodes of their own,
   * files are replicated to 3, and a write whose pipeline loses a DataNode goes on with the others
   * when no replacement is at hand.
   */
  public String beamConfiguration() {
    if (dataNodes.isEmpty()) {
      return "[{\"fs.defaultFS\":\"" + uri() + "\",\"dfs.replication\":\"1\"}]";
    }
    return "[{\"fs.defaultFS\":\""
        + uri()
        + "\",\"dfs.replication\":\"3\","
        + "\"dfs.client.block.write.replace-datanode-on-failure.best-effort\":\"true\"}]";
  }

  @Override
  public void close() {
    dataNodes.forEach(ServerProcess::close);
    process.close();
  }
}
