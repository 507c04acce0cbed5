package dev.tributary.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.infra.KafkaExtension;
import dev.tributary.transforms.Parse;
import dev.tributary.transforms.banking.TransactionParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline reading and writing a Kafka broker that takes clients over SASL_SSL only (SCRAM, TLS),
 * connected through {@code --kafkaProperties} as a user would: the messages go through, and the
 * password is in no log line of the run (at INFO, where Kafka's clients print their settings) and
 * in none of the pipeline's display data. A wrong password is refused.
 */
@Tag("integration")
class KafkaSecureIT {
  private static final String PASSWORD = "pw-" + UUID.randomUUID();

  @RegisterExtension
  static final KafkaExtension KAFKA = KafkaExtension.secure("tributary", PASSWORD);

  private static String tx(int i) {
    return "{\"id\":\"s"
        + i
        + "\",\"accountId\":\"a"
        + (i % 3)
        + "\",\"amount\":12.50,\"currency\":\"EUR\",\"merchant\":\"m\","
        + "\"merchantCategory\":\"grocery\",\"country\":\"DE\",\"channel\":\"POS\","
        + "\"eventTime\":\"2026-03-02T10:00:00Z\"}";
  }

  /** {@code --kafkaProperties} as a user would write it: key=value pairs separated by ';'. */
  private static String kafkaProperties(Map<String, Object> properties) {
    return properties.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  @Test
  void messagesGoThroughAndThePasswordIsInNoLogLineNorInTheDisplayData() {
    KAFKA.createTopic("secure-in", 2);
    List<ProducerRecord<String, String>> messages = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      messages.add(
          new ProducerRecord<>(
              "secure-in",
              i % 2,
              Instant.parse("2026-03-02T10:00:00Z").toEpochMilli(),
              "a" + (i % 3),
              tx(i)));
    }
    KAFKA.produce(messages);
    KafkaConnection kafka =
        KafkaConnection.of(KAFKA.bootstrapServers(), kafkaProperties(KAFKA.clientProperties()));

    StringWriter log = new StringWriter();
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    pipeline
        .apply(ReadKafka.from(kafka, "secure-in", "secure-group").withMaxRecords(20))
        .apply(Parse.of("transactions", new TransactionParser()))
        .output()
        .apply(WriteKafka.to(kafka, "secure-out", "accountId"));
    String displayData = ShownDisplayData.of(pipeline);
    capturingInfo(log, () -> pipeline.run().waitUntilFinish());

    assertEquals(20, KAFKA.readAll("secure-out").size(), "every message went through");
    String logged = log.toString();
    assertTrue(
        logged.contains("security.protocol = SASL_SSL"),
        "the capture holds the Kafka clients' settings");
    assertFalse(logged.contains(PASSWORD), "the password is in a log line");
    assertTrue(displayData.contains("secure-in"), "display data was read: " + displayData);
    assertFalse(displayData.contains(PASSWORD), "the password is in the display data");
  }

  /**
   * The secrets in a file that Kafka's clients read themselves (its {@code FileConfigProvider}):
   * {@code --kafkaProperties} then holds only references to it, so not even the command line that
   * launches the job has the password.
   */
  @Test
  void theSecretsCanStayInAFileThatOnlyTheClientsRead(@TempDir Path dir) throws IOException {
    KAFKA.createTopic("secure-file", 1);
    List<ProducerRecord<String, String>> messages = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      messages.add(new ProducerRecord<>("secure-file", 0, null, "a", tx(i)));
    }
    KAFKA.produce(messages);
    Path secrets = dir.resolve("kafka-secrets.properties");
    Properties file = new Properties();
    file.setProperty("jaas", String.valueOf(KAFKA.clientProperties().get("sasl.jaas.config")));
    file.setProperty(
        "truststore", String.valueOf(KAFKA.clientProperties().get("ssl.truststore.password")));
    try (Writer out = Files.newBufferedWriter(secrets)) {
      file.store(out, null);
    }
    Map<String, Object> properties = new LinkedHashMap<>(KAFKA.clientProperties());
    properties.put("config.providers", "file");
    properties.put(
        "config.providers.file.class",
        "org.apache.kafka.common.config.provider.FileConfigProvider");
    properties.put("sasl.jaas.config", "${file:" + secrets + ":jaas}");
    properties.put("ssl.truststore.password", "${file:" + secrets + ":truststore}");
    String option = kafkaProperties(properties);
    assertFalse(option.contains(PASSWORD), option);

    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Long> read =
        pipeline
            .apply(
                ReadKafka.from(
                        KafkaConnection.of(KAFKA.bootstrapServers(), option),
                        "secure-file",
                        "secure-file-group")
                    .withMaxRecords(5))
            .apply(Count.globally());
    PAssert.thatSingleton(read).isEqualTo(5L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aWrongPasswordIsRefused() {
    Map<String, Object> config = new HashMap<>(KAFKA.clientProperties());
    config.put(
        "sasl.jaas.config",
        String.valueOf(config.get("sasl.jaas.config")).replace(PASSWORD, "wrong"));
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    try (Admin admin = Admin.create(config)) {
      Exception refused =
          assertThrows(Exception.class, () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
      assertTrue(
          String.valueOf(refused.getMessage()).contains("Authentication failed"),
          "refused for its login: " + refused);
    }
  }

  /** Runs {@code run} with every log line at INFO and above also written to {@code log}. */
  private static void capturingInfo(StringWriter log, Runnable run) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    WriterAppender appender =
        WriterAppender.newBuilder()
            .setName("secret-check")
            .setTarget(log)
            .setLayout(
                PatternLayout.newBuilder()
                    .withPattern("%c %m%n%throwable")
                    .withConfiguration(configuration)
                    .build())
            .build();
    appender.start();
    LoggerConfig root = configuration.getRootLogger();
    Level before = root.getLevel();
    root.addAppender(appender, Level.INFO, null);
    root.setLevel(Level.INFO);
    context.updateLoggers();
    try {
      run.run();
    } finally {
      root.removeAppender("secret-check");
      root.setLevel(before);
      context.updateLoggers();
      appender.stop();
    }
  }
}
