package dev.tributary.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HDFS for a test class: started once before its tests, on a free port with a fresh data
 * directory, and stopped after. Use as a static {@code @RegisterExtension} field.
 */
public final class HdfsExtension implements BeforeAllCallback, AfterAllCallback {
  private HdfsServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      server = HdfsServer.start(Files.createTempDirectory("tributary-hdfs"), FreePort.next());
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

  public String uri() {
    return server.uri();
  }

  public String beamConfiguration() {
    return server.beamConfiguration();
  }
}
