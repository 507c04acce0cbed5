package dev.tributary.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Elasticsearch node for a test class: started once before its tests, on a free port with a
 * fresh data directory, and stopped after. Use as a static {@code @RegisterExtension} field.
 */
public final class ElasticsearchExtension implements BeforeAllCallback, AfterAllCallback {
  private ElasticsearchServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      server = ElasticsearchServer.start(Files.createTempDirectory("tributary-elasticsearch"), FreePort.next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }

  public String url() {
    return server.url();
  }

  public String search(String index) {
    return server.search(index);
  }

  public String request(String method, String path) {
    return server.request(method, path);
  }
}
