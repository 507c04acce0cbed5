package dev.tributary.options.game;

import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.OutputDirectoryOptions;
import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Description;

/** All options of the batch game event counts: the events as JSON lines, or as landed Parquet. */
public interface GameEventCountsOptions extends OutputDirectoryOptions, EventTimeOptions {
  @TemplateParameter(
      order = 1,
      label = "Events (JSON lines)",
      helpText =
          "Game API events as JSON lines, one per line: a file or a glob, local or hdfs://. Give this or landedEvents.",
      example = "hdfs://namenode:8020/raw/game/*.jsonl",
      type = ParameterType.FILE_PATH)
  @Description(
      "Game API events as JSON lines (request_id, event_type, Host, User-Agent, Accept, timestamp):"
          + " a file or a glob, local or hdfs://. Give this or --landedEvents.")
  String getEvents();

  void setEvents(String value);

  @TemplateParameter(
      order = 2,
      label = "Landed events (Parquet)",
      helpText =
          "The folder the streaming pipeline lands extracted_events in (Parquet partitioned by hour). Give this or events.",
      example = "hdfs://namenode:8020/tmp/extracted_events",
      type = ParameterType.FILE_PATH)
  @Description(
      "The folder of landed events, Parquet partitioned year=/month=/day=/hour= as the streaming"
          + " pipeline writes extracted_events, local or hdfs://. Give this or --events.")
  String getLandedEvents();

  void setLandedEvents(String value);
}
