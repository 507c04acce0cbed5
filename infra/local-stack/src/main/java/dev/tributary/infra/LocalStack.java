package dev.tributary.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The whole local stack from the command line: a Kafka broker, an Elasticsearch node and HDFS on
 * 127.0.0.1, their data kept under one directory so that a restart finds it again. Prints the
 * addresses and runs until Ctrl-C. With {@code --replicated}: 3 Kafka nodes in one KRaft quorum
 * (topics with replication factor 3, {@code min.insync.replicas=2}), 3 Elasticsearch nodes (one
 * replica per shard) on free ports, and HDFS with 3 DataNodes (replication 3), each node its own
 * JVM; their process ids are printed, to try {@code kill -9} on one.
 *
 * <pre>
 * mvn -q install -DskipTests -pl infra -amd &amp;&amp; mvn -q exec:java -pl infra/local-stack \
 *   -Dexec.args="--data-dir target/local-stack"
 * </pre>
 */
public final class LocalStack {
  /** The topics the domains' pipelines use, created (three partitions each) unless they exist. */
  static final java.util.List<String> TOPICS =
      java.util.List.of(
          "banking-transactions",
          "fraud-alerts",
          "banking-dead-letters",
          "orders",
          "orders-dead-letters",
          "events",
          "events-dead-letters",
          "reddit.posts",
          "reddit.comments",
          "reddit.users",
          "reddit.dead-letters",
          "gambling-bets",
          "gambling-transactions",
          "gambling-player-activity",
          "gambling-alerts",
          "gambling-dead-letters");

  private LocalStack() {}

  public static void main(String[] args) throws InterruptedException {
    Path dataDir = Path.of("target", "local-stack");
    int kafkaPort = 9092;
    int kafkaControllerPort = 9093;
    int elasticsearchPort = 9200;
    int hdfsPort = 8020;
    boolean replicated = false;
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "--help" -> {
          System.out.println(
              "LocalStack [--data-dir=DIR (target/local-stack)] [--kafka-port=9092]"
                  + " [--kafka-controller-port=9093] [--elasticsearch-port=9200] [--hdfs-port=8020]"
                  + " [--replicated (3 Kafka, 3 Elasticsearch nodes, 3 HDFS DataNodes)]");
          return;
        }
        case "--data-dir" -> dataDir = Path.of(kv[1]);
        case "--kafka-port" -> kafkaPort = Integer.parseInt(kv[1]);
        case "--kafka-controller-port" -> kafkaControllerPort = Integer.parseInt(kv[1]);
        case "--elasticsearch-port" -> elasticsearchPort = Integer.parseInt(kv[1]);
        case "--hdfs-port" -> hdfsPort = Integer.parseInt(kv[1]);
        case "--replicated" -> replicated = true;
        default -> throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    dataDir = dataDir.toAbsolutePath();
    KafkaServer kafka =
        replicated
            ? KafkaServer.startReplicated(dataDir.resolve("kafka-replicated"), 3)
            : KafkaServer.start(dataDir.resolve("kafka"), kafkaPort, kafkaControllerPort);
    for (String topic : TOPICS) {
      kafka.createTopic(topic, 3);
    }
    ElasticsearchServer elasticsearch =
        replicated
            ? ElasticsearchServer.startCluster(dataDir.resolve("elasticsearch-replicated"), 3)
            : ElasticsearchServer.start(dataDir.resolve("elasticsearch"), elasticsearchPort);
    HdfsServer hdfs =
        replicated
            ? HdfsServer.startCluster(dataDir.resolve("hdfs-replicated"), hdfsPort, 3)
            : HdfsServer.start(dataDir.resolve("hdfs"), hdfsPort);
    System.out.println();
    System.out.println("Local stack is up (data in " + dataDir + "):");
    System.out.println(
        "  Kafka bootstrap servers: "
            + kafka.bootstrapServers()
            + " (topics "
            + String.join(", ", TOPICS)
            + ")");
    System.out.println("  Elasticsearch:           " + elasticsearch.urls());
    if (replicated) {
      for (int i = 0; i < kafka.size(); i++) {
        System.out.println("  Kafka node " + (i + 1) + ":            pid " + kafka.node(i).pid());
      }
      for (int i = 0; i < elasticsearch.size(); i++) {
        System.out.println(
            "  Elasticsearch node " + (i + 1) + ":    pid " + elasticsearch.node(i).pid());
      }
      for (int i = 0; i < 3; i++) {
        System.out.println("  HDFS DataNode " + (i + 1) + ":       pid " + hdfs.dataNode(i).pid());
      }
    }
    System.out.println(
        "  HDFS:                    "
            + hdfs.uri()
            + "   (Beam: --hdfsConfiguration='"
            + hdfs.beamConfiguration()
            + "')");
    System.out.println("Ctrl-C stops it.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  hdfs.close();
                  elasticsearch.close();
                  kafka.close();
                  stopped.countDown();
                },
                "stop-local-stack"));
    stopped.await();
  }
}
