package dev.tributary.infra.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * One Kafka broker in KRaft mode (broker and controller in one process, no ZooKeeper) on 127.0.0.1,
 * keeping its data in a directory: formatted on first start, reused after. Prints {@code
 * TRIBUTARY-READY bootstrap=127.0.0.1:<port>} when it accepts clients.
 *
 * <p>{@code KafkaServerMain <data dir> <broker port> <controller port>}
 */
public final class KafkaServerMain {
  private KafkaServerMain() {}

  /**
   * StorageTool ends by calling Exit.exit, whatever happened: turn that into a return or an error.
   */
  private static void format(Path config) {
    final class Exited extends RuntimeException {
      final int code;

      Exited(int code, String message) {
        super(message);
        this.code = code;
      }
    }
    Exit.setExitProcedure(
        (code, message) -> {
          throw new Exited(code, message);
        });
    try {
      StorageTool.main(
          new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()});
    } catch (Exited e) {
      if (e.code != 0) {
        throw new IllegalStateException("formatting Kafka storage failed: " + e.getMessage(), e);
      }
    } finally {
      Exit.resetExitProcedure();
    }
  }

  public static void main(String[] args) throws IOException {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    int controllerPort = Integer.parseInt(args[2]);
    Path logDir = dataDir.resolve("kraft-logs");
    Files.createDirectories(logDir);

    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("num.partitions", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "true");
    // Producers stamp messages with their event time; time-based retention would measure that and
    // delete a replay of old events at once. Keep data by size only.
    props.put("log.retention.ms", "-1");
    Path config = dataDir.resolve("server.properties");
    try (Writer out = Files.newBufferedWriter(config)) {
      props.store(out, "written by Tributary's KafkaServerMain");
    }

    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(config);
    }

    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
    server.startup();
    System.out.println("TRIBUTARY-READY bootstrap=127.0.0.1:" + port);
    System.out.flush();
    server.awaitShutdown();
  }
}
