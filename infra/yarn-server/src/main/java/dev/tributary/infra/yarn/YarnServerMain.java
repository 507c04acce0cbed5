package dev.tributary.infra.yarn;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMAppState;

/**
 * A real Hadoop cluster on 127.0.0.1 for Spark on YARN: HDFS (one NameNode, one DataNode) and YARN
 * (one ResourceManager, one NodeManager), in one JVM. It writes the client configuration a Spark
 * driver needs ({@code core-site.xml}, {@code yarn-site.xml}) into {@code <data dir>/conf} and
 * prints {@code TRIBUTARY-READY uri=hdfs://127.0.0.1:<port> conf=<conf dir> rm=<host:port>} when
 * the NodeManager has registered, and {@code TRIBUTARY-APP id=... state=... final=... name=...} as
 * each application ends, so that a client can tell that its job ran here and how it ended.
 *
 * <p>{@code YarnServerMain <data dir> <namenode port> <nodemanager memory MB>}
 */
public final class YarnServerMain {
  private YarnServerMain() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int nameNodePort = Integer.parseInt(args[1]);
    int nodeMemoryMb = Integer.parseInt(args[2]);
    Files.createDirectories(dataDir);

    Configuration hdfsConf = new Configuration();
    hdfsConf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dataDir.resolve("hdfs").toString());
    hdfsConf.set("dfs.replication", "1");
    hdfsConf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    hdfsConf.set("dfs.datanode.address", "127.0.0.1:0");
    hdfsConf.set("dfs.datanode.http.address", "127.0.0.1:0");
    hdfsConf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    hdfsConf.set("dfs.namenode.http-address", "127.0.0.1:0");
    hdfsConf.setBoolean("dfs.permissions.enabled", false);
    MiniDFSCluster hdfs =
        new MiniDFSCluster.Builder(hdfsConf).nameNodePort(nameNodePort).numDataNodes(1).build();
    hdfs.waitActive();
    String hdfsUri = "hdfs://127.0.0.1:" + nameNodePort;

    YarnConfiguration yarnConf = new YarnConfiguration();
    yarnConf.set("fs.defaultFS", hdfsUri);
    yarnConf.set("yarn.resourcemanager.hostname", "127.0.0.1");
    yarnConf.set("yarn.nodemanager.hostname", "127.0.0.1");
    // The capacity scheduler has no queue unless one is declared.
    yarnConf.set("yarn.scheduler.capacity.root.queues", "default");
    yarnConf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    yarnConf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    yarnConf.setInt("yarn.nodemanager.resource.memory-mb", nodeMemoryMb);
    yarnConf.setInt("yarn.nodemanager.resource.cpu-vcores", 4);
    yarnConf.setInt("yarn.scheduler.minimum-allocation-mb", 128);
    yarnConf.setInt("yarn.scheduler.maximum-allocation-mb", nodeMemoryMb);
    // A JVM's virtual memory is far above its heap; a nearly full disk must not mark the node bad.
    yarnConf.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
    yarnConf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    yarnConf.setFloat(
        "yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 100f);
    // Containers run `$JAVA_HOME/bin/java`: give them this JVM's.
    yarnConf.set("yarn.nodemanager.admin-env", "JAVA_HOME=" + System.getProperty("java.home"));
    // Keep finished containers' logs where the NodeManager wrote them, for a failed run's
    // post-mortem.
    yarnConf.setInt("yarn.nodemanager.delete.debug-delay-sec", 600);

    MiniYARNCluster yarn = new MiniYARNCluster("tributary-yarn", 1, 1, 1);
    yarn.init(yarnConf);
    yarn.start();
    if (!yarn.waitForNodeManagersToConnect(120_000)) {
      throw new IllegalStateException("the NodeManager did not register with the ResourceManager");
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  yarn.stop();
                  hdfs.shutdown();
                },
                "yarn-shutdown"));

    Thread reporter = new Thread(() -> reportEndedApplications(yarn), "application-reporter");
    reporter.setDaemon(true);
    reporter.start();

    Configuration effective = yarn.getConfig();
    Path confDir = Files.createDirectories(dataDir.resolve("conf"));
    Configuration core = new Configuration(false);
    core.set("fs.defaultFS", hdfsUri);
    core.set("dfs.replication", "1");
    write(core, confDir.resolve("core-site.xml"));
    Configuration yarnSite = new Configuration(false);
    for (String key :
        new String[] {
          "yarn.resourcemanager.address", "yarn.resourcemanager.scheduler.address",
          "yarn.resourcemanager.resource-tracker.address", "yarn.resourcemanager.admin.address",
          "yarn.resourcemanager.webapp.address", "yarn.resourcemanager.hostname"
        }) {
      yarnSite.set(key, effective.get(key));
    }
    write(yarnSite, confDir.resolve("yarn-site.xml"));

    System.out.println(
        "TRIBUTARY-READY uri="
            + hdfsUri
            + " conf="
            + confDir
            + " rm="
            + effective.get("yarn.resourcemanager.address")
            + " web="
            + effective.get("yarn.resourcemanager.webapp.address"));
    System.out.flush();
    Thread.currentThread().join();
  }

  private static void reportEndedApplications(MiniYARNCluster yarn) {
    Set<ApplicationId> reported = new HashSet<>();
    Set<RMAppState> ended = EnumSet.of(RMAppState.FINISHED, RMAppState.FAILED, RMAppState.KILLED);
    while (true) {
      for (RMApp app : yarn.getResourceManager().getRMContext().getRMApps().values()) {
        if (ended.contains(app.getState()) && reported.add(app.getApplicationId())) {
          System.out.println(
              "TRIBUTARY-APP id="
                  + app.getApplicationId()
                  + " state="
                  + app.getState()
                  + " final="
                  + app.getFinalApplicationStatus()
                  + " name="
                  + app.getName().replace(' ', '_'));
          System.out.flush();
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void write(Configuration conf, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      conf.writeXml(out);
    }
  }
}
