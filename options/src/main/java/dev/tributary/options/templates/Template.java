package dev.tributary.options.templates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Marks a pipeline class as a template that users launch by name, the way they launch a Dataflow
 * Flex Template: its parameters are the {@link TemplateParameter}-annotated getters of {@link
 * #optionsClass()}, declared, documented and validated before anything runs. The class must have a
 * {@code public static void main(String[])}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Template {
  /** The name users launch it by, e.g. {@code Banking_Fraud_Detection_Batch}. */
  String name();

  String displayName();

  String description();

  /** Streaming templates run until cancelled; batch ones end. */
  boolean streaming();

  Class<? extends PipelineOptions> optionsClass();
}
