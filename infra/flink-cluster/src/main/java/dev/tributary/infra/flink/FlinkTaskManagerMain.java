package dev.tributary.infra.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.taskexecutor.TaskManagerRunner;

/**
 * A standalone Flink TaskManager (what {@code taskmanager.sh start} runs) for the JobManager named
 * in the configuration directory. Its memory sizes are derived from {@code
 * taskmanager.memory.process.size} as Flink's start script does (with BashJavaUtils). Prints {@code
 * TRIBUTARY-READY taskmanagers=N slots=S} once the JobManager lists it.
 *
 * <p>{@code FlinkTaskManagerMain <config dir>}
 */
public final class FlinkTaskManagerMain {
  private FlinkTaskManagerMain() {}

  public static void main(String[] args) throws Exception {
    String configDir = args[0];
    Configuration conf = GlobalConfiguration.loadConfiguration(configDir);
    TaskExecutorProcessSpec memory = TaskExecutorProcessUtils.processSpecFromConfig(conf);
    List<String> runnerArgs = new ArrayList<>(List.of("--configDir", configDir));
    for (String token :
        TaskExecutorProcessUtils.generateDynamicConfigsStr(memory).trim().split("\\s+")) {
      runnerArgs.add(token);
    }
    Thread taskManager =
        new Thread(
            () -> {
              try {
                TaskManagerRunner.main(runnerArgs.toArray(new String[0]));
              } catch (Exception e) {
                throw new IllegalStateException("the TaskManager failed", e);
              }
            },
            "taskmanager");
    taskManager.start();
    ClusterRest rest = new ClusterRest(conf);
    rest.await(
        "/overview",
        body -> !body.contains("\"taskmanagers\":0"),
        Duration.ofMinutes(2),
        taskManager);
    System.out.println(
        "TRIBUTARY-READY taskmanagers=registered slots="
            + conf.getString("taskmanager.numberOfTaskSlots", "1"));
    System.out.flush();
    taskManager.join();
  }
}
