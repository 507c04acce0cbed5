package dev.tributary.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server for a test class: started once before its tests, with a fresh data directory (and,
 * in the subclasses, free ports), and stopped after. Use a subclass as a static
 * {@code @RegisterExtension} field.
 */
abstract class ServerExtension<S extends AutoCloseable>
    implements BeforeAllCallback, AfterAllCallback {
  private final String name;
  private S server;

  ServerExtension(String name) {
    this.name = name;
  }

  /** Starts the server keeping its data in {@code dataDir}. */
  abstract S start(Path dataDir);

  final S server() {
    if (server == null) {
      throw new IllegalStateException(
          name + " is not running: register the extension as a static @RegisterExtension field");
    }
    return server;
  }

  @Override
  public final void beforeAll(ExtensionContext context) {
    try {
      server = start(Files.createTempDirectory("tributary-" + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public final void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
    }
  }
}
