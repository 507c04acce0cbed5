package dev.tributary.infra.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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
 * <p>{@code KafkaServerMain <data dir> <broker port> <controller port>} runs a single broker.
 *
 * <p>{@code KafkaServerMain <data dir> <broker port> <controller port> <node id> <voters> <cluster
 * id>} runs one node of a replicated cluster: {@code voters} lists every node as {@code
 * id@127.0.0.1:controllerPort}, comma-separated, and every node is formatted with the one {@code
 * cluster id}. Topics are then created with replication factor 3 and {@code min.insync.replicas=2}
 * by default, as are Kafka's internal topics (offsets, transactions).
 *
 * <p>Secure mode, when the data directory holds {@code secure.properties} ({@code user}, {@code
 * password}, {@code keystore}, {@code keystorePassword}, {@code truststore}, {@code
 * truststorePassword}; written by the local stack, readable by its owner only): the broker port
 * speaks SASL_SSL only, with SCRAM-SHA-512 and TLS from that keystore, and that user (the broker's
 * own login too) is created with the storage. Only the controller port, which no client uses, stays
 * plaintext.
 */
public final class KafkaServerMain {
  private static final String SCRAM = "SCRAM-SHA-512";

  private KafkaServerMain() {}

  /**
   * StorageTool ends by calling Exit.exit, whatever happened: turn that into a return or an error.
   */
  private static void format(Path config, String clusterId, Properties secure) {
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
      List<String> args =
          new ArrayList<>(List.of("format", "-t", clusterId, "-c", config.toString()));
      if (secure != null) {
        args.add("--add-scram");
        args.add(
            SCRAM
                + "=[name="
                + secure.getProperty("user")
                + ",password="
                + secure.getProperty("password")
                + "]");
      }
      StorageTool.main(args.toArray(String[]::new));
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
    boolean replicated = args.length >= 6;
    String nodeId = replicated ? args[3] : "1";
    String voters = replicated ? args[4] : "1@127.0.0.1:" + controllerPort;
    String clusterId = replicated ? args[5] : Uuid.randomUuid().toString();
    int nodes = voters.split(",").length;
    String replication = String.valueOf(Math.min(3, nodes));
    String minInsync = nodes >= 3 ? "2" : "1";
    Path logDir = dataDir.resolve("kraft-logs");
    Files.createDirectories(logDir);

    Path securePath = dataDir.resolve("secure.properties");
    Properties secure = null;
    if (Files.exists(securePath)) {
      secure = new Properties();
      try (Reader in = Files.newBufferedReader(securePath)) {
        secure.load(in);
      }
    }
    String protocol = secure == null ? "PLAINTEXT" : "SASL_SSL";

    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", nodeId);
    props.put("controller.quorum.voters", voters);
    props.put(
        "listeners",
        protocol + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", protocol + "://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put(
        "listener.security.protocol.map", protocol + ":" + protocol + ",CONTROLLER:PLAINTEXT");
    if (secure != null) {
      props.put("inter.broker.listener.name", protocol);
      props.put("sasl.enabled.mechanisms", SCRAM);
      props.put("sasl.mechanism.inter.broker.protocol", SCRAM);
      props.put(
          "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
              + secure.getProperty("user")
              + "\" password=\""
              + secure.getProperty("password")
              + "\";");
      props.put("ssl.keystore.type", "PKCS12");
      props.put("ssl.keystore.location", secure.getProperty("keystore"));
      props.put("ssl.keystore.password", secure.getProperty("keystorePassword"));
      props.put("ssl.key.password", secure.getProperty("keystorePassword"));
      // The broker is its own client on this listener (transaction markers): it trusts its key.
      props.put("ssl.truststore.type", "PKCS12");
      props.put("ssl.truststore.location", secure.getProperty("truststore"));
      props.put("ssl.truststore.password", secure.getProperty("truststorePassword"));
    }
    props.put("log.dirs", logDir.toString());
    props.put("num.partitions", "1");
    props.put("default.replication.factor", replication);
    props.put("min.insync.replicas", minInsync);
    props.put("offsets.topic.replication.factor", replication);
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", replication);
    props.put("transaction.state.log.min.isr", minInsync);
    props.put("transaction.state.log.num.partitions", "4");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "true");
    // Producers stamp messages with their event time; time-based retention would measure that and
    // delete a replay of old events at once. Keep data by size only.
    props.put("log.retention.ms", "-1");
    Path config = dataDir.resolve("server.properties");
    Files.deleteIfExists(config);
    // In secure mode it holds the broker's password: readable by its owner only.
    Files.createFile(
        config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer out = Files.newBufferedWriter(config)) {
      props.store(out, "written by Tributary's KafkaServerMain");
    }

    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(config, clusterId, secure);
    }

    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
    server.startup();
    System.out.println("TRIBUTARY-READY bootstrap=127.0.0.1:" + port);
    System.out.flush();
    server.awaitShutdown();
  }
}
