package dev.tributary.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's folders from wherever a test or command runs inside it. */
public final class RepositoryLayout {
  private RepositoryLayout() {}

  /** {@code infra/<module>} of the repository that holds the working directory. */
  static Path infraModule(String module) {
    return module("infra/" + module);
  }

  /**
   * The folder {@code path} (e.g. {@code game-api}) of the repository that holds the working
   * directory.
   */
  public static Path module(String path) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(path);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no " + path + " above " + Path.of("").toAbsolutePath());
  }
}
