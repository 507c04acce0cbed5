package dev.tributary.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real HDFS (NameNode and DataNode) on 127.0.0.1, in its own JVM. */
public final class HdfsServer implements AutoCloseable {
  private final ServerProcess process;

  private HdfsServer(ServerProcess process) {
    this.process = process;
  }

  /** Starts HDFS keeping its data in {@code dataDir} (formatted on first use, reused after). */
  public static HdfsServer start(Path dataDir, int nameNodePort) {
    return new HdfsServer(
        ServerProcess.start(
            "HDFS",
            "hdfs-server",
            "dev.tributary.infra.hdfs.HdfsServerMain",
            List.of("-Xmx512m", "-XX:+UseSerialGC"),
            List.of(dataDir.resolve("data").toString(), String.valueOf(nameNodePort)),
            dataDir.resolve("hdfs.log"),
            Duration.ofSeconds(120)));
  }

  /** The file system's address, e.g. {@code hdfs://127.0.0.1:8020}. */
  public String uri() {
    return process.ready("uri");
  }

  /** Beam's {@code --hdfsConfiguration} value for this file system. */
  public String beamConfiguration() {
    return "[{\"fs.defaultFS\":\"" + uri() + "\",\"dfs.replication\":\"1\"}]";
  }

  @Override
  public void close() {
    process.close();
  }
}
