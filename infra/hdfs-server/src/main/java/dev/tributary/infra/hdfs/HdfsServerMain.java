package dev.tributary.infra.hdfs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS (one NameNode, one DataNode) on 127.0.0.1, keeping its blocks and metadata in a
 * directory: formatted on first start, reused after. Prints {@code TRIBUTARY-READY
 * uri=hdfs://127.0.0.1:<port>} when it accepts clients.
 *
 * <p>{@code HdfsServerMain <data dir> <namenode port>}
 */
public final class HdfsServerMain {
  private HdfsServerMain() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    boolean existing = Files.isDirectory(dataDir.resolve("name-0-1"));
    Files.createDirectories(dataDir);
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dataDir.toString());
    conf.set("dfs.replication", "1");
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.setBoolean("dfs.permissions.enabled", false);
    MiniDFSCluster cluster =
        new MiniDFSCluster.Builder(conf)
            .nameNodePort(port)
            .numDataNodes(1)
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
