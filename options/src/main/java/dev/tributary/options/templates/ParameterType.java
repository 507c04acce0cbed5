package dev.tributary.options.templates;

/**
 * What kind of value a template parameter takes: names the Dataflow metadata's {@code paramType}
 * and the check applied before a pipeline is built.
 */
public enum ParameterType {
  TEXT,
  INTEGER,
  DECIMAL,
  /** An ISO-8601 duration such as PT5M. */
  DURATION,
  KAFKA_TOPIC,
  /** A file, folder or glob, local or on a registered file system such as hdfs://. */
  FILE_PATH,
  URL,
  /** One of {@link TemplateParameter#enumValues()}. */
  ENUM
}
