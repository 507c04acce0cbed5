package dev.tributary.options.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a template's declarations as the metadata file of a Dataflow Flex Template ({@code name},
 * {@code description}, {@code parameters[]} with {@code name}, {@code label}, {@code helpText},
 * {@code regexes}, {@code isOptional}, {@code paramType}, {@code defaultValue}) and as a Markdown
 * page for people.
 */
public final class TemplateMetadata {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TemplateMetadata() {}

  public static String json(TemplateDefinition definition) {
    Template t = definition.template();
    ObjectNode root = JSON.createObjectNode();
    root.put("name", t.name());
    root.put("displayName", t.displayName());
    root.put("description", t.description());
    root.put("streaming", t.streaming());
    root.put("mainClass", definition.pipelineClass().getName());
    ArrayNode parameters = root.putArray("parameters");
    for (TemplateDefinition.Parameter p : definition.parameters()) {
      TemplateParameter d = p.declaration();
      ObjectNode node = parameters.addObject();
      node.put("name", p.name());
      node.put("label", d.label());
      node.put("helpText", d.helpText());
      ArrayNode regexes = node.putArray("regexes");
      for (String regex : d.regexes()) {
        regexes.add(regex);
      }
      node.put("isOptional", d.optional());
      node.put("paramType", d.type().name());
      if (d.optional() && !p.defaultValue().isEmpty()) {
        node.put("defaultValue", p.defaultValue());
      }
      if (!d.example().isEmpty()) {
        node.put("example", d.example());
      }
      if (d.enumValues().length > 0) {
        ArrayNode values = node.putArray("enumOptions");
        for (String value : d.enumValues()) {
          values.add(value);
        }
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String markdown(TemplateDefinition definition) {
    Template t = definition.template();
    StringBuilder md = new StringBuilder();
    md.append("# ").append(t.displayName()).append("\n\n");
    md.append("<!-- Generated from the annotations of ")
        .append(definition.pipelineClass().getSimpleName())
        .append(" by TemplateDocs; do not edit. -->\n\n");
    md.append(t.description()).append("\n\n");
    md.append("- Template name: `").append(t.name()).append("`\n");
    md.append("- Kind: ")
        .append(t.streaming() ? "streaming (runs until cancelled)" : "batch")
        .append("\n");
    md.append("- Main class: `").append(definition.pipelineClass().getName()).append("`\n\n");
    md.append("| parameter | required | type | default | description |\n|---|---|---|---|---|\n");
    for (TemplateDefinition.Parameter p : definition.parameters()) {
      TemplateParameter d = p.declaration();
      md.append("| `")
          .append(p.name())
          .append("` | ")
          .append(d.optional() ? "no" : "**yes**")
          .append(" | ")
          .append(d.type().name().toLowerCase())
          .append(" | ")
          .append(!d.optional() || p.defaultValue().isEmpty() ? "" : "`" + p.defaultValue() + "`")
          .append(" | ")
          .append(d.label())
          .append(": ")
          .append(d.helpText().replace("|", "\\|"))
          .append(d.example().isEmpty() ? "" : " Example: `" + d.example() + "`.")
          .append(
              d.regexes().length == 0
                  ? ""
                  : " Must match `" + String.join("`, `", d.regexes()).replace("|", "\\|") + "`.")
          .append(" |\n");
    }
    return md.toString();
  }
}
