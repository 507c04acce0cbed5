package dev.tributary.runners;

import dev.tributary.options.templates.TemplateDefinition;
import dev.tributary.pipelines.Domain;
import dev.tributary.pipelines.Domains;
import java.util.List;
import java.util.Optional;

/** Every pipeline users can launch by name: the templates of every registered {@link Domain}. */
public final class Templates {
  public static final List<TemplateDefinition> ALL =
      Domains.all().stream()
          .flatMap(domain -> domain.templates().stream())
          .map(TemplateDefinition::of)
          .toList();

  private Templates() {}

  public static Optional<TemplateDefinition> named(String name) {
    return ALL.stream().filter(t -> t.template().name().equals(name)).findFirst();
  }
}
