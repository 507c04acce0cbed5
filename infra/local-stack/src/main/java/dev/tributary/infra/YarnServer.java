package dev.tributary.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Hadoop cluster for Spark on YARN, on 127.0.0.1 in its own JVM: HDFS (NameNode, DataNode)
 * and YARN (ResourceManager, NodeManager), with the client configuration a driver needs in {@link
 * #confDir()}.
 */
public final class YarnServer implements AutoCloseable {
  /** Hadoop's mini clusters reflect into the JDK; on Java 17 that needs these packages opened. */
  private static final List<String> OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");

  private final ServerProcess process;

  private YarnServer(ServerProcess process) {
    this.process = process;
  }

  /**
   * Starts HDFS and YARN keeping their data in {@code dataDir}; the NodeManager offers {@code
   * nodeMemoryMb}.
   */
  public static YarnServer start(Path dataDir, int nameNodePort, int nodeMemoryMb) {
    List<String> jvmArgs =
        new ArrayList<>(
            List.of("-Xmx1g", "-XX:+UseSerialGC", "-Dtest.build.data=" + dataDir.resolve("yarn")));
    jvmArgs.addAll(OPENS);
    return new YarnServer(
        ServerProcess.start(
            "YARN",
            "yarn-server",
            "dev.tributary.infra.yarn.YarnServerMain",
            jvmArgs,
            List.of(
                dataDir.resolve("data").toString(),
                String.valueOf(nameNodePort),
                String.valueOf(nodeMemoryMb)),
            dataDir.resolve("yarn.log"),
            Duration.ofSeconds(180)));
  }

  /** The HDFS address, e.g. {@code hdfs://127.0.0.1:8020}. */
  public String hdfsUri() {
    return process.ready("uri");
  }

  /** Beam's {@code --hdfsConfiguration} value for this file system. */
  public String beamConfiguration() {
    return "[{\"fs.defaultFS\":\"" + hdfsUri() + "\",\"dfs.replication\":\"1\"}]";
  }

  /**
   * The folder with {@code core-site.xml} and {@code yarn-site.xml}: a driver's {@code
   * HADOOP_CONF_DIR}.
   */
  public Path confDir() {
    return Path.of(process.ready("conf"));
  }

  /** The ResourceManager's client address, {@code host:port}. */
  public String resourceManager() {
    return process.ready("rm");
  }

  /**
   * One line per application that has ended: {@code id=... state=FINISHED final=SUCCEEDED
   * name=...}.
   */
  public List<String> endedApplications() {
    List<String> applications = new ArrayList<>();
    for (String line : process.linesStartingWith("TRIBUTARY-APP ")) {
      applications.add(line.substring("TRIBUTARY-APP ".length()));
    }
    return applications;
  }

  @Override
  public void close() {
    process.close();
  }
}
