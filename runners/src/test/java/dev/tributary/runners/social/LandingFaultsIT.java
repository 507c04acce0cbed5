package dev.tributary.runners.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.infra.HdfsExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.infra.ServerProcess;
import dev.tributary.pipelines.social.SocialLandingPipeline;
import dev.tributary.runners.OutputFiles;
import dev.tributary.testdata.social.SocialProducer;
import dev.tributary.transforms.social.SocialKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The social landing job (Flink, checkpoints every 2 s) writing to an HDFS of 3 DataNodes, each its
 * own JVM, blocks replicated to 3, while the producer sends at a fixed rate: 5 s in, one DataNode
 * is killed with {@code kill -9}, and started again 10 s later. Every readable record sent must
 * land exactly once, as it was sent, and every malformed one must be a dead letter.
 *
 * <p>Runs in the {@code faults} profile ({@code mvn -Pfaults verify -pl runners -am}).
 */
class LandingFaultsIT {
  @RegisterExtension
  @Order(1)
  static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  @Order(2)
  static final HdfsExtension HDFS = HdfsExtension.cluster(3);

  private static final String DEAD_LETTERS = "reddit.dead-letters";

  @Test
  void aDataNodeKilledWhileTheLandingWritesLosesNothing() throws Exception {
    String history = HDFS.uri() + "/data";
    for (SocialKind kind : SocialKind.values()) {
      KAFKA.createTopic(kind.topic(), 3);
    }
    KAFKA.createTopic(DEAD_LETTERS, 1);
    PipelineResult landing =
        SocialLandingPipeline.start(
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--checkpointingInterval=2000",
              "--attachedMode=false",
              "--consumerGroup=faults-landing",
              "--bootstrapServers=" + KAFKA.bootstrapServers(),
              "--hdfsConfiguration=" + HDFS.beamConfiguration(),
              "--history=" + history,
              "--landEvery=PT2S"
            });
    FileSystems.setDefaultPipelineOptions(
        PipelineOptionsFactory.fromArgs("--hdfsConfiguration=" + HDFS.beamConfiguration())
            .create());

    SocialProducer.Settings producer = new SocialProducer.Settings();
    producer.bootstrapServers = KAFKA.bootstrapServers();
    producer.rate = 150;
    producer.messages = 3_000;
    producer.records.malformedShare = 0.01;
    List<String> valid = new ArrayList<>();
    long[] malformed = {0};
    CompletableFuture<SocialProducer.Summary> sending =
        CompletableFuture.supplyAsync(
            () ->
                SocialProducer.send(
                    producer,
                    message -> {
                      synchronized (valid) {
                        if (message.defect() == null) {
                          valid.add(message.text());
                        } else {
                          malformed[0]++;
                        }
                      }
                    }));
    // The fault is timed against the sending, which takes 20 s; no output is awaited by sleeping.
    Thread.sleep(5_000);
    ServerProcess dataNode = HDFS.dataNode(1);
    dataNode.kill();
    Thread.sleep(10_000);
    dataNode.restart();
    long sent = sending.join().total();

    List<String> landed;
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while ((landed = landedLines(history)).size() < valid.size()
          || KAFKA.count(DEAD_LETTERS) < malformed[0]) {
        if (landing.getState() != PipelineResult.State.RUNNING) {
          throw new AssertionError("the landing job stopped early: " + landing.getState());
        }
        if (System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(1_000);
      }
      // Whatever a retry would still add comes within a checkpoint or two.
      Thread.sleep(5_000);
      landed = landedLines(history);
    } finally {
      landing.cancel();
    }
    Set<String> expected = new TreeSet<>(valid);
    Set<String> distinct = new HashSet<>(landed);
    Set<String> lost = new TreeSet<>(expected);
    lost.removeAll(distinct);
    int duplicated = landed.size() - distinct.size();
    long deadLetters = KAFKA.count(DEAD_LETTERS);
    String row =
        String.format(
            "| fhdfs | %d | landed records: %d / %d / %d / %d | dead letters: %d / %d |"
                + " killed HDFS DataNode 2 of 3 (replication 3) 5 s into the landing, restarted"
                + " 10 s later |",
            sent,
            expected.size(),
            landed.size(),
            lost.size(),
            duplicated,
            malformed[0],
            deadLetters);
    System.out.println("[faults] " + row);
    Files.writeString(Path.of("target", "faults-landing-report.md"), row + "\n");
    assertEquals(List.of(), List.copyOf(lost).subList(0, Math.min(5, lost.size())), "lost");
    assertEquals(0, duplicated, "landed twice");
    assertEquals(malformed[0], deadLetters, "dead letters");
  }

  /** The lines the landing wrote (its files are data_<run>_<pane>.json). */
  private static List<String> landedLines(String history) throws IOException {
    return OutputFiles.lines(history + "/*/year=*/month=*/day=*/hour=*/data_*_*.json");
  }
}
