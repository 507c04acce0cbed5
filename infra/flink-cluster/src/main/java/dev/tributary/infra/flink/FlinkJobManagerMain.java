package dev.tributary.infra.flink;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint;

/**
 * A standalone Flink session cluster's JobManager (what {@code jobmanager.sh start} runs), on the
 * configuration in a directory ({@code config.yaml}). Prints {@code TRIBUTARY-READY
 * rest=http://host:port} when its REST endpoint answers.
 *
 * <p>{@code FlinkJobManagerMain <config dir>}
 */
public final class FlinkJobManagerMain {
  private FlinkJobManagerMain() {}

  public static void main(String[] args) throws Exception {
    String configDir = args[0];
    Configuration conf = GlobalConfiguration.loadConfiguration(configDir);
    Thread jobManager =
        new Thread(
            () -> StandaloneSessionClusterEntrypoint.main(new String[] {"--configDir", configDir}),
            "jobmanager");
    jobManager.start();
    ClusterRest rest = new ClusterRest(conf);
    rest.await(
        "/overview", body -> body.contains("\"flink-version\""), Duration.ofMinutes(2), jobManager);
    System.out.println("TRIBUTARY-READY rest=" + rest.base());
    System.out.flush();
    jobManager.join();
  }
}
