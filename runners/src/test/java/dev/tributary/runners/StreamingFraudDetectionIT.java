package dev.tributary.runners;

import dev.tributary.infra.ElasticsearchExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.pipelines.banking.StreamingFraudDetectionPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming fraud pipeline on Flink's embedded cluster, end to end against a real Kafka and
 * Elasticsearch (see {@link StreamingScenario}), with checkpointing on.
 */
@Tag("integration")
class StreamingFraudDetectionIT {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  static final ElasticsearchExtension ELASTICSEARCH = new ElasticsearchExtension();

  @Test
  void alertsOnTheTopicAndInTheIndexEqualTheBatchAlerts(@TempDir Path dir) throws IOException {
    StreamingScenario scenario = StreamingScenario.sendDay(dir, KAFKA, ELASTICSEARCH);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=2",
                "--checkpointingInterval=2000",
                "--unalignedCheckpointEnabled=true",
                "--fasterCopy=true",
                "--attachedMode=false",
                "--consumerGroup=it-fraud"));
    args.addAll(scenario.pipelineArgs());
    PipelineResult job = StreamingFraudDetectionPipeline.start(args.toArray(new String[0]));
    // Every window closes once the partitions are drained: wait for the outputs, then stop the job.
    scenario.awaitOutputs(
        () -> job.getState() == PipelineResult.State.RUNNING ? null : job.getState().toString(),
        Duration.ofMinutes(4));
    job.cancel();
    System.out.println("[flink streaming] " + scenario.verifyOutputs());
  }
}
