package dev.tributary.infra.elasticsearch;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

import java.nio.file.Path;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

/**
 * One Elasticsearch 7.10.2 node (the last Apache-2.0 release) on 127.0.0.1, keeping its data in a
 * directory. Prints {@code TRIBUTARY-READY url=http://127.0.0.1:<port>} when the cluster is yellow.
 *
 * <p>{@code ElasticsearchServerMain <data dir> <http port>}
 */
public final class ElasticsearchServerMain {
  private ElasticsearchServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int httpPort = Integer.parseInt(args[1]);
    ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
    runner
        .onBuild(
            (number, settings) -> {
              settings.put("http.port", httpPort);
              settings.put("network.host", "127.0.0.1");
              settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
              settings.put("action.auto_create_index", true);
              // One node elects itself once and for all: no master election to lose under load.
              settings.put("discovery.type", "single-node");
              settings.remove("cluster.initial_master_nodes");
              settings.remove("discovery.seed_hosts");
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
