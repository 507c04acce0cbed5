package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.tributary.options.templates.TemplateDefinition;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Every template's options registered in one JVM, as CompareRunners and the launcher do: Beam
 * refuses a property two interfaces declare with different defaults, so two domains' options must
 * not share a name unless they agree.
 */
class OptionsTogetherTest {
  @Test
  void everyTemplatesOptionsLiveTogether() {
    for (TemplateDefinition template : Templates.ALL) {
      PipelineOptionsFactory.register(template.template().optionsClass());
    }
    for (TemplateDefinition template : Templates.ALL) {
      Class<? extends PipelineOptions> options = template.template().optionsClass();
      assertDoesNotThrow(
          () -> PipelineOptionsFactory.fromArgs().as(options), template.template().name());
    }
  }
}
