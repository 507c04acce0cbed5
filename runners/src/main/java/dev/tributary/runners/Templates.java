package dev.tributary.runners;

import dev.tributary.options.templates.TemplateDefinition;
import dev.tributary.pipelines.FraudDetectionPipeline;
import dev.tributary.pipelines.StreamingFraudDetectionPipeline;
import java.util.List;
import java.util.Optional;

/** Every pipeline users can launch by name. A new template is added here. */
public final class Templates {
  public static final List<TemplateDefinition> ALL =
      List.of(TemplateDefinition.of(FraudDetectionPipeline.class), TemplateDefinition.of(StreamingFraudDetectionPipeline.class));

  private Templates() {}

  public static Optional<TemplateDefinition> named(String name) {
    return ALL.stream().filter(t -> t.template().name().equals(name)).findFirst();
  }
}
