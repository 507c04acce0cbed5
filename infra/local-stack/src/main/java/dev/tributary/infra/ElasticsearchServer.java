package dev.tributary.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real Elasticsearch 7.10.2 node on 127.0.0.1, in its own JVM. */
public final class ElasticsearchServer implements AutoCloseable {
  private final ServerProcess process;

  private ElasticsearchServer(ServerProcess process) {
    this.process = process;
  }

  /** Starts a node keeping its data in {@code dataDir}. */
  public static ElasticsearchServer start(Path dataDir, int httpPort) {
    return new ElasticsearchServer(
        ServerProcess.start(
            "Elasticsearch",
            "elasticsearch-server",
            "dev.tributary.infra.elasticsearch.ElasticsearchServerMain",
            List.of("-Xmx768m", "-XX:+UseSerialGC"),
            List.of(dataDir.resolve("data").toString(), String.valueOf(httpPort)),
            dataDir.resolve("elasticsearch.log"),
            Duration.ofSeconds(120)));
  }

  /** The HTTP address, e.g. {@code http://127.0.0.1:9200}. */
  public String url() {
    return process.ready("url");
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
    return process.cpuTime();
  }

  @Override
  public void close() {
    process.close();
  }
}
