package dev.tributary.options.templates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a pipeline option getter as a template parameter: how it is labelled and explained, what
 * values it accepts, and whether it may be left out (then the option's {@code @Default} applies).
 * The parameter's name is the option's name, e.g. {@code largeAmountThreshold}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TemplateParameter {
  /** Position in the metadata and docs: lower comes first. */
  int order();

  String label();

  String helpText();

  String example() default "";

  ParameterType type() default ParameterType.TEXT;

  /** Regular expressions the whole value must match, all of them; none for no pattern check. */
  String[] regexes() default {};

  /** For {@link ParameterType#ENUM}: the values allowed. */
  String[] enumValues() default {};

  boolean optional() default true;
}
