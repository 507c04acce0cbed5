package dev.tributary.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's folders from wherever a test or command runs inside it. */
final class RepositoryLayout {
  private RepositoryLayout() {}

  /** {@code infra/<module>} of the repository that holds the working directory. */
  static Path infraModule(String module) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("infra").resolve(module);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no infra/" + module + " above " + Path.of("").toAbsolutePath());
  }
}
