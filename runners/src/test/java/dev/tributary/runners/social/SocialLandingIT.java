package dev.tributary.runners.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.infra.HdfsExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.pipelines.social.SocialBatchLayerPipeline;
import dev.tributary.runners.OutputFiles;
import dev.tributary.testdata.social.SocialHistoryGenerator;
import dev.tributary.testdata.social.SocialProducer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history on a real HDFS: the generator bootstraps it there, the producer sends live records to
 * the three topics, the landing pipeline (Flink) lands every readable one, as it was sent, in the
 * same layout, and the batch layer then reads the bootstrap and the landed records together:
 * nothing lost, nothing landed twice, the malformed ones dead letters.
 */
@Tag("integration")
class SocialLandingIT {
  @RegisterExtension
  @Order(1)
  static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  @Order(2)
  static final HdfsExtension HDFS = new HdfsExtension();

  private static final String DEAD_LETTERS = LandingRun.DEAD_LETTERS;

  @Test
  void liveRecordsLandBesideTheBootstrappedHistory(@TempDir Path dir) throws Exception {
    String history = HDFS.uri() + "/data";
    SocialHistoryGenerator.Settings bootstrap = new SocialHistoryGenerator.Settings();
    bootstrap.days = 1;
    bootstrap.users = 50;
    bootstrap.postsPerHour = 5;
    SocialHistoryGenerator.Output generated = SocialHistoryGenerator.generate(bootstrap);
    SocialHistoryGenerator.write(generated, history);

    LandingRun.createTopics(KAFKA);
    SocialProducer.Settings producer = new SocialProducer.Settings();
    producer.bootstrapServers = KAFKA.bootstrapServers();
    producer.rate = 2_000;
    producer.messages = 3_000;
    producer.records.malformedShare = 0.01;
    LandingRun.Sent sent = new LandingRun.Sent();
    SocialProducer.Summary summary = SocialProducer.send(producer, sent);
    assertEquals(3_000, summary.total());
    List<String> valid = sent.valid();

    List<String> landed;
    try (LandingRun landing = LandingRun.start(KAFKA, HDFS, history, "it-landing")) {
      landed = landing.awaitLanded(sent, Duration.ofMinutes(3));
      if (landed.size() < valid.size() || KAFKA.count(DEAD_LETTERS) < sent.malformed()) {
        throw new AssertionError(
            "after 3 minutes, landed "
                + landed.size()
                + " of "
                + valid.size()
                + ", dead letters "
                + KAFKA.count(DEAD_LETTERS)
                + " of "
                + sent.malformed());
      }
    }
    assertEquals(
        valid.stream().sorted().toList(),
        landed.stream().sorted().toList(),
        "every readable record landed once, as it was sent");
    assertEquals(sent.malformed(), KAFKA.count(DEAD_LETTERS));

    SocialBatchLayerPipeline.Summary batch =
        SocialBatchLayerPipeline.run(
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--hdfsConfiguration=" + HDFS.beamConfiguration(),
              "--history=" + history,
              "--output=" + dir.resolve("views")
            });
    assertEquals(generated.records() + valid.size(), batch.read());
    assertEquals(
        generated.groundTruth().size(),
        batch.deadLetters(),
        () -> {
          try {
            return "dead letters: " + OutputFiles.lines(dir.resolve("views") + "/dead-letters/*");
          } catch (IOException e) {
            return e.toString();
          }
        });
    System.out.printf(
        "[social landing] bootstrap %,d records on HDFS; sent %,d live (%d malformed -> dead"
            + " letters), landed %,d; the batch layer read %,d, dead letters %d%n",
        generated.records(),
        summary.total(),
        sent.malformed(),
        landed.size(),
        batch.read(),
        batch.deadLetters());
  }
}
