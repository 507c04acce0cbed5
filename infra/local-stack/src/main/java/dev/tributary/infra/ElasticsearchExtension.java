package dev.tributary.infra;

import java.nio.file.Path;

/**
 * A real Elasticsearch node for a test class, on a free port. Use as a static
 * {@code @RegisterExtension} field.
 */
public final class ElasticsearchExtension extends ServerExtension<ElasticsearchServer> {
  public ElasticsearchExtension() {
    super("elasticsearch");
  }

  @Override
  ElasticsearchServer start(Path dataDir) {
    return ElasticsearchServer.start(dataDir, FreePort.next());
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
