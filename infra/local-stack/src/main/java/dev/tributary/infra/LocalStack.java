package dev.tributary.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The whole local stack from the command line: a Kafka broker, an Elasticsearch node and HDFS on
 * 127.0.0.1, their data kept under one directory so that a restart finds it again. Prints the
 * addresses and runs until Ctrl-C.
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
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "--help" -> {
          System.out.println(
              "LocalStack [--data-dir=DIR (target/local-stack)] [--kafka-port=9092]"
                  + " [--kafka-controller-port=9093] [--elasticsearch-port=9200] [--hdfs-port=8020]");
          return;
        }
        case "--data-dir" -> dataDir = Path.of(kv[1]);
        case "--kafka-port" -> kafkaPort = Integer.parseInt(kv[1]);
        case "--kafka-controller-port" -> kafkaControllerPort = Integer.parseInt(kv[1]);
        case "--elasticsearch-port" -> elasticsearchPort = Integer.parseInt(kv[1]);
        case "--hdfs-port" -> hdfsPort = Integer.parseInt(kv[1]);
        default -> throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
    }
    dataDir = dataDir.toAbsolutePath();
    KafkaServer kafka = KafkaServer.start(dataDir.resolve("kafka"), kafkaPort, kafkaControllerPort);
    for (String topic : TOPICS) {
      kafka.createTopic(topic, 3);
    }
    ElasticsearchServer elasticsearch =
        ElasticsearchServer.start(dataDir.resolve("elasticsearch"), elasticsearchPort);
    HdfsServer hdfs = HdfsServer.start(dataDir.resolve("hdfs"), hdfsPort);
    System.out.println();
    System.out.println("Local stack is up (data in " + dataDir + "):");
    System.out.println(
        "  Kafka bootstrap servers: "
            + kafka.bootstrapServers()
            + " (topics "
            + String.join(", ", TOPICS)
            + ")");
    System.out.println("  Elasticsearch:           " + elasticsearch.url());
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
