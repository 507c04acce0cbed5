package dev.tributary.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Real Elasticsearch 7.10.2 on 127.0.0.1: one node, or a cluster of nodes each in its own JVM, so
 * that a fault test can kill one ({@link #node}) and start it again.
 */
public final class ElasticsearchServer implements AutoCloseable {
  private static final String MAIN = "dev.tributary.infra.elasticsearch.ElasticsearchServerMain";

  private final List<ServerProcess> nodes;

  private ElasticsearchServer(List<ServerProcess> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** Starts a node keeping its data in {@code dataDir}. */
  public static ElasticsearchServer start(Path dataDir, int httpPort) {
    return new ElasticsearchServer(
        List.of(
            ServerProcess.start(
                "Elasticsearch",
                "elasticsearch-server",
                MAIN,
                jvmArgs(768),
                List.of(dataDir.resolve("data").toString(), String.valueOf(httpPort)),
                dataDir.resolve("elasticsearch.log"),
                Duration.ofSeconds(120))));
  }

  /**
   * Starts a cluster of {@code count} nodes on free ports, node {@code i} keeping its data in
   * {@code dataDir/node-i}; every index has one replica per shard (Elasticsearch's default), so one
   * node may die without losing a document.
   */
  public static ElasticsearchServer startCluster(Path dataDir, int count) {
    List<String> transportPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      transportPorts.add(String.valueOf(FreePort.next()));
    }
    // The first master election needs a majority of the nodes: start them all at once.
    List<Supplier<ServerProcess>> starts = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Path nodeDir = dataDir.resolve("node-" + i);
      List<String> args =
          List.of(
              nodeDir.resolve("data").toString(),
              String.valueOf(FreePort.next()),
              String.valueOf(i),
              String.join(",", transportPorts));
      String name = "Elasticsearch node " + i;
      starts.add(
          () ->
              ServerProcess.start(
                  name,
                  "elasticsearch-server",
                  MAIN,
                  jvmArgs(512),
                  args,
                  nodeDir.resolve("elasticsearch.log"),
                  Duration.ofSeconds(180)));
    }
    return new ElasticsearchServer(ServerProcess.startAll(starts));
  }

  private static List<String> jvmArgs(int heapMb) {
    return List.of("-Xmx" + heapMb + "m", "-XX:+UseSerialGC");
  }

  /** The HTTP address of the first node that runs, e.g. {@code http://127.0.0.1:9200}. */
  public String url() {
    return nodes.stream()
        .filter(ServerProcess::isAlive)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Elasticsearch node is running"))
        .ready("url");
  }

  /**
   * Every node's HTTP address, comma-separated: what a pipeline's {@code --elasticsearchUrl} takes.
   */
  public String urls() {
    return String.join(",", nodes.stream().map(node -> node.ready("url")).toList());
  }

  /** Node {@code i} (0-based), to kill, pause and restart it. */
  public ServerProcess node(int i) {
    return nodes.get(i);
  }

  /** How many nodes there are. */
  public int size() {
    return nodes.size();
  }

  /**
   * Makes what was indexed searchable, then returns the search response with every document of
   * {@code index} (up to 10,000).
   */
  public String search(String index) {
    request("POST", "/" + index + "/_refresh");
    return request("GET", "/" + index + "/_search?size=10000");
  }

  /** How many documents {@code index} holds, after a refresh; 0 while it does not exist. */
  public long count(String index) {
    String exists = request("GET", "/_cat/indices?h=index");
    if (!exists.lines().map(String::trim).toList().contains(index)) {
      return 0;
    }
    request("POST", "/" + index + "/_refresh");
    String body = request("GET", "/" + index + "/_count");
    return Long.parseLong(body.replaceAll("(?s).*\"count\"\\s*:\\s*([0-9]+).*", "$1"));
  }

  /** One HTTP request to the node; fails unless it answers 2xx. */
  public String request(String method, String path) {
    return new RestEndpoint(url()).request(method, path);
  }

  /** The CPU time the server has used so far: what a workload costs it, beside the job's own. */
  public Duration cpuTime() {
    return nodes.stream().map(ServerProcess::cpuTime).reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public void close() {
    nodes.forEach(ServerProcess::close);
  }
}
