package dev.tributary.infra.elasticsearch;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.elasticsearch.common.settings.Settings;

/**
 * One Elasticsearch 7.10.2 node (the last Apache-2.0 release) on 127.0.0.1, keeping its data in a
 * directory. Prints {@code TRIBUTARY-READY url=http://127.0.0.1:<port>} when the cluster is yellow.
 *
 * <p>{@code ElasticsearchServerMain <data dir> <http port>} runs a single node.
 *
 * <p>{@code ElasticsearchServerMain <data dir> <http port> <node number> <transport ports>} runs
 * node {@code es-<number>} of a cluster whose nodes talk on {@code transport ports} (one per node,
 * comma-separated, in node order): each is master-eligible and holds data, and the first election
 * is among all of them. Indices keep Elasticsearch's default of one replica per shard.
 */
public final class ElasticsearchServerMain {
  private ElasticsearchServerMain() {}

  /** Node {@code number}'s settings in a cluster whose nodes listen on {@code transportPorts}. */
  private static void joinCluster(Settings.Builder settings, int number, String[] transportPorts) {
    List<String> seeds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < transportPorts.length; i++) {
      seeds.add("127.0.0.1:" + transportPorts[i]);
      names.add("es-" + (i + 1));
    }
    settings.put("node.name", "es-" + number);
    settings.put("transport.port", transportPorts[number - 1]);
    settings.putList("discovery.seed_hosts", seeds);
    settings.putList("cluster.initial_master_nodes", names);
    // A node that left is noticed in seconds, not after the default minute of retries.
    settings.put("cluster.fault_detection.follower_check.interval", "1s");
    settings.put("cluster.fault_detection.follower_check.retry_count", "2");
    settings.put("cluster.fault_detection.leader_check.interval", "1s");
    settings.put("cluster.fault_detection.leader_check.retry_count", "2");
  }

  public static void main(String[] args) throws InterruptedException {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int httpPort = Integer.parseInt(args[1]);
    boolean clustered = args.length >= 4;
    ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
    runner
        .onBuild(
            (number, settings) -> {
              settings.put("http.port", httpPort);
              settings.put("network.host", "127.0.0.1");
              settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
              settings.put("action.auto_create_index", true);
              if (clustered) {
                joinCluster(settings, Integer.parseInt(args[2]), args[3].split(","));
              } else {
                // One node elects itself once and for all: no master election to lose under load.
                settings.put("discovery.type", "single-node");
                settings.remove("cluster.initial_master_nodes");
                settings.remove("discovery.seed_hosts");
              }
            })
        .build(
            newConfigs()
                .basePath(dataDir.toString())
                .numOfNode(1)
                .clusterName("tributary")
                .disableESLogger());
    runner.ensureYellow();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    runner.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                },
                "elasticsearch-shutdown"));
    System.out.println("TRIBUTARY-READY url=http://127.0.0.1:" + httpPort);
    System.out.flush();
    Thread.currentThread().join();
  }
}
