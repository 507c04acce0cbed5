package dev.tributary.infra;

import java.nio.file.Path;

/**
 * Real Elasticsearch for a test class, on free ports: one node, or a cluster ({@link #cluster}).
 * Use as a static {@code @RegisterExtension} field.
 */
public final class ElasticsearchExtension extends ServerExtension<ElasticsearchServer> {
  private final int nodes;

  /** One node. */
  public ElasticsearchExtension() {
    this(1);
  }

  private ElasticsearchExtension(int nodes) {
    super("elasticsearch");
    this.nodes = nodes;
  }

  /** A cluster of {@code nodes} nodes, one replica per shard. */
  public static ElasticsearchExtension cluster(int nodes) {
    return new ElasticsearchExtension(nodes);
  }

  @Override
  ElasticsearchServer start(Path dataDir) {
    return nodes == 1
        ? ElasticsearchServer.start(dataDir, FreePort.next())
        : ElasticsearchServer.startCluster(dataDir, nodes);
  }

  /** Every node's address, comma-separated, for a pipeline's {@code --elasticsearchUrl}. */
  public String urls() {
    return server().urls();
  }

  /** Node {@code i} (0-based), to kill, pause and restart it. */
  public ServerProcess node(int i) {
    return server().node(i);
  }

  public String url() {
    return server().url();
  }

  public long count(String index) {
    return server().count(index);
  }

  public String search(String index) {
    return server().search(index);
  }

  public String request(String method, String path) {
    return server().request(method, path);
  }
}
