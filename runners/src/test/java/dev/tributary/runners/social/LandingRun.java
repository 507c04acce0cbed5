package dev.tributary.runners.social;

import dev.tributary.infra.HdfsExtension;
import dev.tributary.infra.KafkaExtension;
import dev.tributary.pipelines.social.SocialLandingPipeline;
import dev.tributary.runners.OutputFiles;
import dev.tributary.testdata.social.SocialProducer;
import dev.tributary.transforms.social.SocialKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The social landing job of a landing test, on Flink ({@code [local]}, checkpoints every 2 s): it
 * reads the three topics from Kafka and lands every readable record on HDFS under a history folder.
 * {@link #awaitLanded} waits until what the producer sent ({@link Sent}) has landed.
 */
final class LandingRun implements AutoCloseable {
  static final String DEAD_LETTERS = "reddit.dead-letters";

  /**
   * What the producer sent: the text of each readable record and how many were malformed. Safe to
   * fill from the producer's thread while a test reads it.
   */
  static final class Sent implements Consumer<SocialProducer.Sent> {
    private final List<String> valid = new ArrayList<>();
    private long malformed;

    @Override
    public synchronized void accept(SocialProducer.Sent message) {
      if (message.defect() == null) {
        valid.add(message.text());
      } else {
        malformed++;
      }
    }

    synchronized List<String> valid() {
      return List.copyOf(valid);
    }

    synchronized long malformed() {
      return malformed;
    }
  }

  private final KafkaExtension kafka;
  private final String history;
  private final PipelineResult job;

  private LandingRun(KafkaExtension kafka, String history, PipelineResult job) {
    this.kafka = kafka;
    this.history = history;
    this.job = job;
  }

  /** Creates the topics (unless they exist). */
  static void createTopics(KafkaExtension kafka) {
    for (SocialKind kind : SocialKind.values()) {
      kafka.createTopic(kind.topic(), 3);
    }
    kafka.createTopic(DEAD_LETTERS, 1);
  }

  /**
   * Starts the landing job as consumer group {@code consumerGroup} into {@code history} on {@code
   * hdfs}, and points this JVM's Beam file systems at that HDFS, to read what lands.
   */
  static LandingRun start(
      KafkaExtension kafka, HdfsExtension hdfs, String history, String consumerGroup) {
    PipelineResult job =
        SocialLandingPipeline.start(
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--checkpointingInterval=2000",
              "--attachedMode=false",
              "--consumerGroup=" + consumerGroup,
              "--bootstrapServers=" + kafka.bootstrapServers(),
              "--hdfsConfiguration=" + hdfs.beamConfiguration(),
              "--history=" + history,
              "--landEvery=PT2S"
            });
    FileSystems.setDefaultPipelineOptions(
        PipelineOptionsFactory.fromArgs("--hdfsConfiguration=" + hdfs.beamConfiguration())
            .create());
    return new LandingRun(kafka, history, job);
  }

  /**
   * Waits until every readable record {@code sent} has landed and every malformed one is a dead
   * letter, or {@code timeout} has passed; fails at once if the job stops. Returns the lines that
   * landed then, which the test compares with what was sent.
   */
  List<String> awaitLanded(Sent sent, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> landed;
    while ((landed = landedLines()).size() < sent.valid().size()
        || kafka.count(DEAD_LETTERS) < sent.malformed()) {
      if (job.getState() != PipelineResult.State.RUNNING) {
        throw new AssertionError("the landing job stopped early: " + job.getState());
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(1_000);
    }
    return landed;
  }

  /** The lines the landing wrote (its files are data_<run>_<pane>.json; a bootstrap's data_0). */
  List<String> landedLines() throws IOException {
    return OutputFiles.lines(history + "/*/year=*/month=*/day=*/hour=*/data_*_*.json");
  }

  /** Cancels the job. */
  @Override
  public void close() throws IOException {
    job.cancel();
  }
}
