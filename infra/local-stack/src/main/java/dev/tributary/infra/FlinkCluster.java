package dev.tributary.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone Flink 1.19 session cluster on localhost: one JobManager and one TaskManager, each in
 * its own JVM, as Flink's start scripts would run them. Jobs are submitted to {@link #master()}.
 */
public final class FlinkCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A job as the JobManager lists it. */
  public record Job(String id, String name, String state) {}

  private final ServerProcess jobManager;
  private final ServerProcess taskManager;
  private final int restPort;
  private final RestEndpoint rest;

  private FlinkCluster(ServerProcess jobManager, ServerProcess taskManager, int restPort) {
    this.jobManager = jobManager;
    this.taskManager = taskManager;
    this.restPort = restPort;
    this.rest = new RestEndpoint(jobManager.ready("rest"));
  }

  /**
   * Writes {@code dataDir/conf/config.yaml} (everything bound to localhost, the REST API on {@code
   * restPort}, a TaskManager with {@code slots} slots), then starts the JobManager and the
   * TaskManager and waits until the TaskManager has registered.
   */
  public static FlinkCluster start(Path dataDir, int restPort, int rpcPort, int slots) {
    Path confDir = dataDir.resolve("conf");
    try {
      Files.createDirectories(confDir);
      Files.writeString(
          confDir.resolve("config.yaml"),
          String.join(
              "\n",
              "jobmanager.rpc.address: localhost",
              "jobmanager.rpc.port: " + rpcPort,
              "jobmanager.bind-host: localhost",
              "taskmanager.bind-host: localhost",
              "taskmanager.host: localhost",
              "rest.address: localhost",
              "rest.bind-address: localhost",
              "rest.port: " + restPort,
              "jobmanager.memory.process.size: 1024m",
              "taskmanager.memory.process.size: 2048m",
              // A Beam pipeline is many tasks, each with its own buffers: more network memory than
              // the default.
              "taskmanager.memory.network.min: 256m",
              "taskmanager.memory.network.max: 256m",
              "taskmanager.numberOfTaskSlots: " + slots,
              "parallelism.default: " + slots,
              "io.tmp.dirs: " + dataDir.resolve("tmp"),
              ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerProcess jobManager =
        ServerProcess.start(
            "Flink JobManager",
            "flink-cluster",
            "dev.tributary.infra.flink.FlinkJobManagerMain",
            List.of("-Xmx600m", "-XX:+UseSerialGC"),
            List.of(confDir.toString()),
            dataDir.resolve("jobmanager.log"),
            Duration.ofSeconds(120));
    try {
      ServerProcess taskManager =
          ServerProcess.start(
              "Flink TaskManager",
              "flink-cluster",
              "dev.tributary.infra.flink.FlinkTaskManagerMain",
              List.of("-Xmx1g", "-XX:MaxDirectMemorySize=512m"),
              List.of(confDir.toString()),
              dataDir.resolve("taskmanager.log"),
              Duration.ofSeconds(120));
      return new FlinkCluster(jobManager, taskManager, restPort);
    } catch (RuntimeException e) {
      jobManager.close();
      throw e;
    }
  }

  /** {@code host:port} of the JobManager's REST API: the runner's {@code --flinkMaster}. */
  public String master() {
    return "localhost:" + restPort;
  }

  /** The REST API's base URL, e.g. {@code http://localhost:8081}. */
  public String restUrl() {
    return rest.baseUrl();
  }

  /** The jobs the cluster knows, running or ended. */
  public List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (JsonNode job : json(rest.request("GET", "/jobs/overview")).get("jobs")) {
      jobs.add(
          new Job(job.get("jid").asText(), job.get("name").asText(), job.get("state").asText()));
    }
    return jobs;
  }

  /** Asks the cluster to cancel job {@code id}. */
  public void cancel(String id) {
    rest.request("PATCH", "/jobs/" + id + "?mode=cancel");
  }

  /** The job's state as the JobManager reports it now, e.g. {@code RUNNING} or {@code CANCELED}. */
  public String state(String id) {
    return json(rest.request("GET", "/jobs/" + id)).get("state").asText();
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    taskManager.close();
    jobManager.close();
  }
}
