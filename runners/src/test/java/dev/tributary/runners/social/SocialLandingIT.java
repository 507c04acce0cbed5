package dev.tributary.runners.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.infra.HdfsExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.pipelines.social.SocialBatchLayerPipeline;
import dev.tributary.pipelines.social.SocialLandingPipeline;
import dev.tributary.runners.OutputFiles;
import dev.tributary.testdata.social.SocialHistoryGenerator;
import dev.tributary.testdata.social.SocialProducer;
import dev.tributary.transforms.social.SocialKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
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

  private static final String DEAD_LETTERS = "reddit.dead-letters";

  @Test
  void liveRecordsLandBesideTheBootstrappedHistory(@TempDir Path dir) throws Exception {
    String history = HDFS.uri() + "/data";
    SocialHistoryGenerator.Settings bootstrap = new SocialHistoryGenerator.Settings();
    bootstrap.days = 1;
    bootstrap.users = 50;
    bootstrap.postsPerHour = 5;
    SocialHistoryGenerator.Output generated = SocialHistoryGenerator.generate(bootstrap);
    SocialHistoryGenerator.write(generated, history);

    for (SocialKind kind : SocialKind.values()) {
      KAFKA.createTopic(kind.topic(), 3);
    }
    KAFKA.createTopic(DEAD_LETTERS, 1);
    SocialProducer.Settings producer = new SocialProducer.Settings();
    producer.bootstrapServers = KAFKA.bootstrapServers();
    producer.rate = 2_000;
    producer.messages = 3_000;
    producer.records.malformedShare = 0.01;
    List<String> valid = new ArrayList<>();
    long[] malformed = {0};
    SocialProducer.Summary sent =
        SocialProducer.send(
            producer,
            message -> {
              if (message.defect() == null) {
                valid.add(message.text());
              } else {
                malformed[0]++;
              }
            });
    assertEquals(3_000, sent.total());

    PipelineResult landing =
        SocialLandingPipeline.start(
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--checkpointingInterval=2000",
              "--attachedMode=false",
              "--consumerGroup=it-landing",
              "--bootstrapServers=" + KAFKA.bootstrapServers(),
              "--hdfsConfiguration=" + HDFS.beamConfiguration(),
              "--history=" + history,
              "--landEvery=PT2S"
            });
    FileSystems.setDefaultPipelineOptions(
        PipelineOptionsFactory.fromArgs("--hdfsConfiguration=" + HDFS.beamConfiguration())
            .create());
    List<String> landed;
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while ((landed = landedLines(history)).size() < valid.size()
          || KAFKA.count(DEAD_LETTERS) < malformed[0]) {
        if (landing.getState() != PipelineResult.State.RUNNING) {
          throw new AssertionError("the landing job stopped early: " + landing.getState());
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "after 3 minutes, landed "
                  + landed.size()
                  + " of "
                  + valid.size()
                  + ", dead letters "
                  + KAFKA.count(DEAD_LETTERS)
                  + " of "
                  + malformed[0]);
        }
        Thread.sleep(1_000);
      }
    } finally {
      landing.cancel();
    }
    assertEquals(
        valid.stream().sorted().toList(),
        landed.stream().sorted().toList(),
        "every readable record landed once, as it was sent");
    assertEquals(malformed[0], KAFKA.count(DEAD_LETTERS));

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
        sent.total(),
        malformed[0],
        landed.size(),
        batch.read(),
        batch.deadLetters());
  }

  /** The lines the landing wrote (its files are data_<run>_<pane>.json; the bootstrap's data_0). */
  private static List<String> landedLines(String history) throws IOException {
    return OutputFiles.lines(history + "/*/year=*/month=*/day=*/hour=*/data_*_*.json");
  }
}
