package dev.tributary.runners.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.infra.HdfsExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.infra.ServerProcess;
import dev.tributary.testdata.social.SocialProducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
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

  private static final String DEAD_LETTERS = LandingRun.DEAD_LETTERS;

  @Test
  void aDataNodeKilledWhileTheLandingWritesLosesNothing() throws Exception {
    String history = HDFS.uri() + "/data";
    LandingRun.createTopics(KAFKA);
    LandingRun landing = LandingRun.start(KAFKA, HDFS, history, "faults-landing");

    SocialProducer.Settings producer = new SocialProducer.Settings();
    producer.bootstrapServers = KAFKA.bootstrapServers();
    producer.rate = 150;
    producer.messages = 3_000;
    producer.records.malformedShare = 0.01;
    LandingRun.Sent sent = new LandingRun.Sent();
    CompletableFuture<SocialProducer.Summary> sending =
        CompletableFuture.supplyAsync(() -> SocialProducer.send(producer, sent));
    // The fault is timed against the sending, which takes 20 s; no output is awaited by sleeping.
    Thread.sleep(5_000);
    ServerProcess dataNode = HDFS.dataNode(1);
    dataNode.kill();
    Thread.sleep(10_000);
    dataNode.restart();
    long total = sending.join().total();

    List<String> landed;
    try (landing) {
      landing.awaitLanded(sent, Duration.ofMinutes(3));
      // Whatever a retry would still add comes within a checkpoint or two.
      Thread.sleep(5_000);
      landed = landing.landedLines();
    }
    Set<String> expected = new TreeSet<>(sent.valid());
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
            total,
            expected.size(),
            landed.size(),
            lost.size(),
            duplicated,
            sent.malformed(),
            deadLetters);
    System.out.println("[faults] " + row);
    Files.writeString(Path.of("target", "faults-landing-report.md"), row + "\n");
    assertEquals(List.of(), List.copyOf(lost).subList(0, Math.min(5, lost.size())), "lost");
    assertEquals(0, duplicated, "landed twice");
    assertEquals(sent.malformed(), deadLetters, "dead letters");
  }
}
