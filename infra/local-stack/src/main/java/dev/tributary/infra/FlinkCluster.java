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

  /**
   * The module openings that Flink 1.19's own start scripts give every JVM on Java 17 ({@code
   * env.java.opts.all} in its default configuration): Kryo reflects into JDK classes when it
   * snapshots state, such as KafkaIO's exactly-once sink's lists.
   */
  static final List<String> JAVA_17_OPTIONS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

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
            jvmOptions("-Xmx600m", "-XX:+UseSerialGC"),
            List.of(confDir.toString()),
            dataDir.resolve("jobmanager.log"),
            Duration.ofSeconds(120));
    try {
      ServerProcess taskManager =
          ServerProcess.start(
              "Flink TaskManager",
              "flink-cluster",
              "dev.tributary.infra.flink.FlinkTaskManagerMain",
              jvmOptions("-Xmx1g", "-XX:MaxDirectMemorySize=512m"),
              List.of(confDir.toString()),
              dataDir.resolve("taskmanager.log"),
              Duration.ofSeconds(120));
      return new FlinkCluster(jobManager, taskManager, restPort);
    } catch (RuntimeException e) {
      jobManager.close();
      throw e;
    }
  }

  private static List<String> jvmOptions(String... memory) {
    List<String> options = new ArrayList<>(List.of(memory));
    options.addAll(JAVA_17_OPTIONS);
    return options;
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

  /** The TaskManager's JVM, to kill and restart it. */
  public ServerProcess taskManager() {
    return taskManager;
  }

  /**
   * Stops job {@code id} with a savepoint written under {@code directory} (without draining: the
   * windows stay open in the savepoint) and returns the savepoint's path once it is complete.
   */
  public String stopWithSavepoint(String id, Path directory, Duration timeout) {
    String body = "{\"targetDirectory\":\"" + directory.toUri() + "\",\"drain\":false}";
    String trigger =
        json(rest.request("POST", "/jobs/" + id + "/stop", body)).get("request-id").asText();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = json(rest.request("GET", "/jobs/" + id + "/savepoints/" + trigger));
      if (status.get("status").get("id").asText().equals("COMPLETED")) {
        JsonNode operation = status.get("operation");
        if (operation.has("failure-cause")) {
          throw new IllegalStateException(
              "stop with savepoint of job " + id + " failed: " + operation.get("failure-cause"));
        }
        return operation.get("location").asText();
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no savepoint of job " + id + " after " + timeout);
  }

  /**
   * Job {@code id}'s checkpoints: how many completed, and the id of the one it last restored from
   * (0 if none), as the JobManager counts them.
   */
  public Checkpoints checkpoints(String id) {
    JsonNode stats = json(rest.request("GET", "/jobs/" + id + "/checkpoints"));
    JsonNode restored = stats.path("latest").path("restored");
    return new Checkpoints(
        stats.get("counts").get("completed").asLong(),
        stats.get("counts").path("restored").asLong(),
        restored.isMissingNode() || restored.isNull() ? 0 : restored.get("id").asLong());
  }

  /** A job's checkpoint counts: completed, restores, and the last restored checkpoint's id. */
  public record Checkpoints(long completed, long restores, long lastRestoredId) {}

  /** Asks the cluster to cancel job {@code id}. */
  public void cancel(String id) {
    rest.request("PATCH", "/jobs/" + id + "?mode=cancel");
  }

  /**
   * The job's configuration as the REST API (and the web UI) shows it, JSON: its execution config,
   * with Beam's pipeline options as {@code user-config}.
   */
  public String jobConfig(String id) {
    return rest.request("GET", "/jobs/" + id + "/config");
  }

  /** The JobManager's and the TaskManager's log files. */
  public List<Path> logFiles() {
    return List.of(jobManager.logFile(), taskManager.logFile());
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
