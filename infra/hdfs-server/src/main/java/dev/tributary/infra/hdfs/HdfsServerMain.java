package dev.tributary.infra.hdfs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.server.datanode.DataNode;

/**
 * A real HDFS (one NameNode, one DataNode) on 127.0.0.1, keeping its blocks and metadata in a
 * directory: formatted on first start, reused after. Prints {@code TRIBUTARY-READY
 * uri=hdfs://127.0.0.1:<port>} when it accepts clients.
 *
 * <p>{@code HdfsServerMain <data dir> <namenode port>} runs a NameNode and a DataNode.
 *
 * <p>{@code HdfsServerMain <data dir> <namenode port> namenode} runs the NameNode alone, for
 * DataNodes in processes of their own (replication 3), and {@code HdfsServerMain <data dir>
 * <namenode port> datanode} one of those DataNodes, keeping its blocks in the data directory; it
 * prints {@code TRIBUTARY-READY datanode=<address>} once registered.
 */
public final class HdfsServerMain {
  private HdfsServerMain() {}

  /** One DataNode of the NameNode at {@code 127.0.0.1:port}, blocks under {@code dataDir}. */
  private static void runDataNode(Path dataDir, int port) throws Exception {
    Files.createDirectories(dataDir);
    Configuration conf = new HdfsConfiguration();
    conf.set("fs.defaultFS", "hdfs://127.0.0.1:" + port);
    conf.set("dfs.datanode.data.dir", dataDir.toUri().toString());
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.set("dfs.datanode.hostname", "127.0.0.1");
    conf.setBoolean("dfs.permissions.enabled", false);
    DataNode dataNode = DataNode.createDataNode(new String[0], conf);
    while (!dataNode.isDatanodeFullyStarted()) {
      Thread.sleep(200);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(dataNode::shutdown, "datanode-shutdown"));
    System.out.println("TRIBUTARY-READY datanode=" + dataNode.getXferAddress());
    System.out.flush();
    Thread.currentThread().join();
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String role = args.length > 2 ? args[2] : "all";
    if (role.equals("datanode")) {
      runDataNode(dataDir, port);
      return;
    }
    int dataNodes = role.equals("namenode") ? 0 : 1;
    boolean existing = Files.isDirectory(dataDir.resolve("name-0-1"));
    Files.createDirectories(dataDir);
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dataDir.toString());
    conf.set("dfs.replication", dataNodes == 0 ? "3" : "1");
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.setBoolean("dfs.permissions.enabled", false);
    MiniDFSCluster cluster =
        new MiniDFSCluster.Builder(conf)
            .nameNodePort(port)
            .numDataNodes(dataNodes)
            .format(!existing)
            .manageNameDfsDirs(true)
            .build();
    cluster.waitActive();
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown, "hdfs-shutdown"));
    System.out.println("TRIBUTARY-READY uri=hdfs://127.0.0.1:" + port);
    System.out.flush();
    Thread.currentThread().join();
  }
}
