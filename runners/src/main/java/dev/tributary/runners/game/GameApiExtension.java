package dev.tributary.runners.game;

import java.net.URI;
import java.nio.file.Files;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The game API for a test class, in its own JVM, sending to the Kafka that {@code bootstrapServers}
 * names once it runs: register it as a static {@code @RegisterExtension} field after the {@code
 * KafkaExtension} it uses, e.g. {@code new GameApiExtension(KAFKA::bootstrapServers)}.
 */
public final class GameApiExtension implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<String> bootstrapServers;
  private GameApiProcess api;

  public GameApiExtension(Supplier<String> bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    api =
        GameApiProcess.start(
            bootstrapServers.get(),
            Files.createTempDirectory("tributary-game-api").resolve("game-api.log"));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (api != null) {
      api.close();
    }
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI url() {
    if (api == null) {
      throw new IllegalStateException(
          "the game API is not running: register the extension as a static @RegisterExtension field");
    }
    return api.url();
  }
}
