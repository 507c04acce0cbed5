package dev.tributary.runners;

import dev.tributary.options.templates.TemplateDefinition;
import dev.tributary.options.templates.TemplateMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes every template's Dataflow-style metadata ({@code <name>-metadata.json}) and its Markdown
 * page ({@code <name>.md}) into {@code docs/templates/}, from the annotations. A test fails when
 * the committed files are out of date; run this to bring them up to date: {@code mvn -q exec:java
 * -pl runners -Dexec.mainClass=dev.tributary.runners.TemplateDocs}.
 */
public final class TemplateDocs {
  private TemplateDocs() {}

  /** File name to content, for every template. */
  public static Map<String, String> render() {
    Map<String, String> files = new LinkedHashMap<>();
    for (TemplateDefinition t : Templates.ALL) {
      files.put(t.template().name() + "-metadata.json", TemplateMetadata.json(t));
      files.put(t.template().name() + ".md", TemplateMetadata.markdown(t));
    }
    return files;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/templates");
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : render().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
      System.out.println("wrote " + dir.resolve(file.getKey()));
    }
  }
}
