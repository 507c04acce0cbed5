package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.infra.FlinkCluster;
import dev.tributary.infra.FlinkClusterExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.pipelines.banking.StreamingFraudDetectionPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming fraud pipeline on a standalone Flink session cluster (a JobManager and a
 * TaskManager, each its own JVM), submitted the way a user does: from the packaged Flink jar, in a
 * JVM of its own, with {@code --flinkMaster=host:port}. It is fed from Kafka and checked against
 * the model (see {@link StreamingScenario}), then cancelled through the cluster's REST API.
 *
 * <p>Needs the packaged jar: runs in the {@code clusters} profile, after {@code package}.
 */
class FlinkSessionClusterIT {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  @RegisterExtension static final FlinkClusterExtension FLINK = new FlinkClusterExtension(2);

  private static final String SECRET = "secret-" + UUID.randomUUID();

  @Test
  void streamingJobFromThePackagedJarRaisesTheModelsAlertsAndCancelsCleanly(@TempDir Path dir)
      throws Exception {
    StreamingScenario scenario = StreamingScenario.sendDay(dir, KAFKA, ELASTICSEARCH);
    Path jar = PackagedJar.flink();
    List<String> command =
        new ArrayList<>(
            List.of(
                PackagedJar.java(),
                "-Xmx1g",
                "-cp",
                jar.toString(),
                StreamingFraudDetectionPipeline.class.getName(),
                "--runner=FlinkRunner",
                "--flinkMaster=" + FLINK.master(),
                "--filesToStage=" + jar,
                "--parallelism=2",
                "--checkpointingInterval=2000",
                "--unalignedCheckpointEnabled=true",
                "--fasterCopy=true",
                "--attachedMode=false",
                "--waitUntilFinish=false",
                "--consumerGroup=cluster-fraud",
                // A secret in the Kafka settings, unused on this plaintext broker: it must reach
                // neither the job's configuration over REST nor a log.
                "--kafkaProperties=ssl.truststore.password=" + SECRET));
    command.addAll(scenario.pipelineArgs());
    Path submitLog = dir.resolve("submit.log");
    int exit = PackagedJar.run(command, List.of(), submitLog, Duration.ofMinutes(3));
    assertEquals(0, exit, "the submitting JVM failed; see " + submitLog);

    List<FlinkCluster.Job> jobs = FLINK.jobs();
    assertEquals(1, jobs.size(), "one job on the cluster: " + jobs);
    String id = jobs.get(0).id();
    String config = FLINK.jobConfig(id);
    assertTrue(config.contains("user-config"), "the REST API lists the job's options: " + config);
    assertFalse(config.contains(SECRET), "a secret in the job's configuration over REST");
    scenario.awaitOutputs(
        () -> {
          String state = FLINK.state(id);
          return state.equals("RUNNING") ? null : state;
        },
        Duration.ofMinutes(4));

    FLINK.cancel(id);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!FLINK.state(id).equals("CANCELED") && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertEquals("CANCELED", FLINK.state(id), "the job ends cancelled");
    String summary = scenario.verifyOutputs();
    for (Path log : List.of(submitLog, FLINK.logFiles().get(0), FLINK.logFiles().get(1))) {
      assertFalse(Files.readString(log).contains(SECRET), "a secret in " + log);
    }
    assertTrue(
        FLINK.jobs().stream().noneMatch(job -> job.state().equals("RUNNING")),
        "nothing left running");
    System.out.println(
        "[flink session cluster " + FLINK.master() + "] job " + id + " " + summary + "; cancelled");
  }
}
