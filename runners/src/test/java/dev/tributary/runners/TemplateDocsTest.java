package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed template metadata and docs are what the annotations say now. */
class TemplateDocsTest {
  private static final Path DOCS = Path.of("..", "docs", "templates");

  @Test
  void committedTemplateFilesAreUpToDate() throws IOException {
    for (Map.Entry<String, String> file : TemplateDocs.render().entrySet()) {
      Path committed = DOCS.resolve(file.getKey());
      assertTrue(
          Files.exists(committed), committed + " is missing; run TemplateDocs (see its Javadoc)");
      assertEquals(
          file.getValue(),
          Files.readString(committed),
          committed + " is out of date with the annotations; run TemplateDocs (see its Javadoc)");
    }
  }
}
