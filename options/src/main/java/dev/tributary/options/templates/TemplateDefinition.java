package dev.tributary.options.templates;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.Default;
import org.joda.time.format.ISOPeriodFormat;

/**
 * A template as read from its annotations: its name, description and declared parameters, and the
 * check of a set of given values against those declarations.
 */
public final class TemplateDefinition {
  /** One declared parameter, with its option's default (empty when it has none). */
  public record Parameter(String name, TemplateParameter declaration, String defaultValue) {}

  private final Class<?> pipelineClass;
  private final Template template;
  private final List<Parameter> parameters;

  private TemplateDefinition(
      Class<?> pipelineClass, Template template, List<Parameter> parameters) {
    this.pipelineClass = pipelineClass;
    this.template = template;
    this.parameters = parameters;
  }

  /** Reads {@code pipelineClass}'s {@link Template} and its options' {@link TemplateParameter}s. */
  public static TemplateDefinition of(Class<?> pipelineClass) {
    Template template = pipelineClass.getAnnotation(Template.class);
    if (template == null) {
      throw new IllegalArgumentException(pipelineClass.getName() + " has no @Template");
    }
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (Method getter : template.optionsClass().getMethods()) {
      TemplateParameter declaration = getter.getAnnotation(TemplateParameter.class);
      if (declaration == null) {
        continue;
      }
      String name = optionName(getter);
      byName.putIfAbsent(name, new Parameter(name, declaration, defaultOf(getter)));
    }
    List<Parameter> parameters = new ArrayList<>(byName.values());
    parameters.sort(
        Comparator.comparingInt((Parameter p) -> p.declaration().order())
            .thenComparing(Parameter::name));
    return new TemplateDefinition(pipelineClass, template, parameters);
  }

  private static String optionName(Method getter) {
    String bare = getter.getName().replaceFirst("^(get|is)", "");
    return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
  }

  private static String defaultOf(Method getter) {
    for (Annotation a : getter.getAnnotations()) {
      if (a instanceof Default.String s) {
        return s.value();
      } else if (a instanceof Default.Integer i) {
        return String.valueOf(i.value());
      } else if (a instanceof Default.Long l) {
        return String.valueOf(l.value());
      } else if (a instanceof Default.Boolean b) {
        return String.valueOf(b.value());
      } else if (a instanceof Default.Double d) {
        return String.valueOf(d.value());
      }
    }
    return "";
  }

  public Class<?> pipelineClass() {
    return pipelineClass;
  }

  public Template template() {
    return template;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * Every problem with {@code values} (parameter name to value), each naming the parameter and what
   * it expects: unknown names, required parameters left out, values of the wrong type or not
   * matching their patterns. Empty when the values may be used.
   */
  public List<String> check(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    Map<String, Parameter> declared = new LinkedHashMap<>();
    parameters.forEach(p -> declared.put(p.name(), p));
    for (String name : values.keySet()) {
      if (!declared.containsKey(name)) {
        problems.add(
            "unknown parameter '"
                + name
                + "': "
                + template.name()
                + " takes "
                + String.join(", ", declared.keySet()));
      }
    }
    for (Parameter p : parameters) {
      String value = values.get(p.name());
      TemplateParameter d = p.declaration();
      if (value == null) {
        if (!d.optional()) {
          problems.add(
              "missing required parameter '"
                  + p.name()
                  + "' ("
                  + d.label()
                  + "): "
                  + d.helpText()
                  + (d.example().isEmpty() ? "" : " Example: " + d.example()));
        }
        continue;
      }
      String typeProblem = typeProblem(d, value);
      if (typeProblem != null) {
        problems.add("parameter '" + p.name() + "' " + typeProblem + ", got '" + value + "'");
        continue;
      }
      for (String regex : d.regexes()) {
        if (!Pattern.matches(regex, value)) {
          problems.add(
              "parameter '"
                  + p.name()
                  + "' must match "
                  + regex
                  + ", got '"
                  + value
                  + "'"
                  + (d.example().isEmpty() ? "" : " (example: " + d.example() + ")"));
        }
      }
    }
    return problems;
  }

  private static String typeProblem(TemplateParameter d, String value) {
    try {
      switch (d.type()) {
        case INTEGER -> Long.parseLong(value);
        case DECIMAL -> new BigDecimal(value);
        case DURATION -> ISOPeriodFormat.standard().parsePeriod(value).toStandardDuration();
        case ENUM -> {
          if (!List.of(d.enumValues()).contains(value)) {
            return "must be one of " + String.join(", ", d.enumValues());
          }
        }
        case KAFKA_TOPIC -> {
          if (!value.matches("[a-zA-Z0-9._-]{1,249}")) {
            return "must be a Kafka topic name (letters, digits, '.', '_', '-')";
          }
        }
        default -> {
          if (value.isBlank()) {
            return "must not be empty";
          }
        }
      }
      return null;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return switch (d.type()) {
        case INTEGER -> "must be a whole number";
        case DECIMAL -> "must be a decimal number";
        case DURATION -> "must be an ISO-8601 duration such as PT5M";
        default -> "is not a valid " + d.type();
      };
    }
  }
}
