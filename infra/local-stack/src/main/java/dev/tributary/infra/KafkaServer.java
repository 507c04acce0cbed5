package dev.tributary.infra;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Real Kafka (KRaft, no ZooKeeper) on 127.0.0.1: one broker, or a replicated cluster of nodes that
 * are each broker and controller, each in its own JVM, so that a fault test can kill one ({@link
 * #node}) and start it again.
 */
public final class KafkaServer implements AutoCloseable {
  private static final List<String> JVM_ARGS = List.of("-Xmx512m", "-XX:+UseSerialGC");
  private static final String MAIN = "dev.tributary.infra.kafka.KafkaServerMain";

  private final List<ServerProcess> nodes;
  private final Map<String, Object> clientProperties;

  private KafkaServer(List<ServerProcess> nodes) {
    this(nodes, Map.of());
  }

  private KafkaServer(List<ServerProcess> nodes, Map<String, Object> clientProperties) {
    this.nodes = List.copyOf(nodes);
    this.clientProperties = Map.copyOf(clientProperties);
  }

  /** Starts a broker keeping its data in {@code dataDir} (formatted on first use, reused after). */
  public static KafkaServer start(Path dataDir, int port, int controllerPort) {
    return new KafkaServer(
        List.of(
            ServerProcess.start(
                "Kafka",
                "kafka-server",
                MAIN,
                JVM_ARGS,
                List.of(dataDir.toString(), String.valueOf(port), String.valueOf(controllerPort)),
                dataDir.resolve("kafka.log"),
                Duration.ofSeconds(90))));
  }

  /**
   * Starts a broker that clients reach over SASL_SSL only: SCRAM-SHA-512 as {@code user} with
   * {@code password}, TLS with a self-signed certificate for 127.0.0.1 made in {@code dataDir/tls}.
   * {@link #clientProperties} are the settings a client needs; this server's own clients (topics,
   * counts, reads) use them.
   */
  public static KafkaServer startSecure(Path dataDir, String user, String password) {
    try {
      Files.createDirectories(dataDir);
      SelfSignedKeystore tls = SelfSignedKeystore.create(dataDir.resolve("tls"));
      Properties secure = new Properties();
      secure.setProperty("user", user);
      secure.setProperty("password", password);
      secure.setProperty("keystore", tls.keystore().toString());
      secure.setProperty("keystorePassword", tls.keystorePassword());
      secure.setProperty("truststore", tls.truststore().toString());
      secure.setProperty("truststorePassword", tls.truststorePassword());
      Path securePath = dataDir.resolve("secure.properties");
      Files.deleteIfExists(securePath);
      Files.createFile(
          securePath,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer out = Files.newBufferedWriter(securePath)) {
        secure.store(out, "the secure mode of Tributary's local Kafka");
      }
      Map<String, Object> client = new HashMap<>();
      client.put("security.protocol", "SASL_SSL");
      client.put("sasl.mechanism", "SCRAM-SHA-512");
      client.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
              + user
              + "\" password=\""
              + password
              + "\";");
      client.put("ssl.truststore.type", "PKCS12");
      client.put("ssl.truststore.location", tls.truststore().toString());
      client.put("ssl.truststore.password", tls.truststorePassword());
      KafkaServer plain = start(dataDir, FreePort.next(), FreePort.next());
      return new KafkaServer(plain.nodes, client);
    } catch (IOException e) {
      throw new IllegalStateException("could not prepare secure Kafka in " + dataDir, e);
    }
  }

  /**
   * What a client needs besides {@code bootstrap.servers}: none for a plain broker; for a secure
   * one ({@link #startSecure}) the protocol, the SCRAM login and the truststore.
   */
  public Map<String, Object> clientProperties() {
    return clientProperties;
  }

  /** {@link #clientProperties} with {@code bootstrap.servers} and {@code more}. */
  private Map<String, Object> clientConfig(Map<String, Object> more) {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.putAll(more);
    return config;
  }

  /**
   * Starts a cluster of {@code count} nodes (3 for a quorum that survives one loss) on free ports,
   * node {@code i} keeping its data in {@code dataDir/node-i}. Topics are created with replication
   * factor {@code min(3, count)} and {@code min.insync.replicas=2}: a write is acknowledged once
   * two replicas have it, so one node may die without losing it.
   */
  public static KafkaServer startReplicated(Path dataDir, int count) {
    List<Integer> ports = new ArrayList<>();
    List<String> voters = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ports.add(FreePort.next());
      int controllerPort = FreePort.next();
      ports.add(controllerPort);
      voters.add(i + "@127.0.0.1:" + controllerPort);
    }
    String clusterId = Uuid.randomUuid().toString();
    // Each node waits for a quorum of controllers before it is ready: start them all at once.
    List<Supplier<ServerProcess>> starts = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Path nodeDir = dataDir.resolve("node-" + i);
      List<String> args =
          List.of(
              nodeDir.toString(),
              String.valueOf(ports.get(2 * (i - 1))),
              String.valueOf(ports.get(2 * (i - 1) + 1)),
              String.valueOf(i),
              String.join(",", voters),
              clusterId);
      String name = "Kafka node " + i;
      starts.add(
          () ->
              ServerProcess.start(
                  name,
                  "kafka-server",
                  MAIN,
                  JVM_ARGS,
                  args,
                  nodeDir.resolve("kafka.log"),
                  Duration.ofSeconds(120)));
    }
    return new KafkaServer(ServerProcess.startAll(starts));
  }

  /** {@code host:port,...} of every node, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return String.join(",", nodes.stream().map(node -> node.ready("bootstrap")).toList());
  }

  /** Node {@code i} (0-based; its Kafka node id is {@code i + 1}), to kill and restart it. */
  public ServerProcess node(int i) {
    return nodes.get(i);
  }

  /** How many nodes the cluster has. */
  public int size() {
    return nodes.size();
  }

  /** The node (0-based) that leads partition {@code partition} of {@code topic} now. */
  public int leaderOf(String topic, int partition) {
    try (Admin admin = admin()) {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      return description.partitions().get(partition).leader().id() - 1;
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not describe topic " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The partitions of {@code topic} for which consumer group {@code group} has committed an offset
   * (KafkaIO's exactly-once sink commits each shard's progress this way, under its sink group).
   */
  public java.util.Set<Integer> committedPartitions(String group, String topic) {
    try (Admin admin = admin()) {
      java.util.Set<Integer> partitions = new java.util.TreeSet<>();
      admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .keySet()
          .forEach(
              partition -> {
                if (partition.topic().equals(topic)) {
                  partitions.add(partition.partition());
                }
              });
      return partitions;
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not list the offsets of group " + group, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Admin admin() {
    return Admin.create(clientConfig(Map.of()));
  }

  /**
   * Creates a topic with {@code partitions} partitions, unless it exists, replicated to every node
   * (up to 3).
   */
  public void createTopic(String topic, int partitions) {
    short replication = (short) Math.min(3, nodes.size());
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, replication))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create topic " + topic, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code records} and waits until Kafka has them all. */
  public void produce(List<ProducerRecord<String, String>> records) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            clientConfig(Map.of()), new StringSerializer(), new StringSerializer())) {
      for (ProducerRecord<String, String> record : records) {
        producer.send(record);
      }
      producer.flush();
    }
  }

  /** How many messages {@code topic} holds (0 if it does not exist yet). */
  public long count(String topic) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            clientConfig(Map.of()), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.listTopics().getOrDefault(topic, List.of())) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Every committed message of {@code topic} up to its current end, in partition and offset order:
   * read with {@code isolation.level=read_committed}, so that messages of transactions that were
   * aborted or are still open (an exactly-once writer's) are left out.
   */
  public List<ConsumerRecord<String, String>> readAll(String topic) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            clientConfig(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic + " to its end " + end + " within 60 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      records.sort(
          Comparator.comparing((ConsumerRecord<String, String> r) -> r.partition())
              .thenComparing(ConsumerRecord::offset));
      return records;
    }
  }

  /** The CPU time the server has used so far: what a workload costs it, beside the job's own. */
  public Duration cpuTime() {
    return nodes.stream().map(ServerProcess::cpuTime).reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public void close() {
    nodes.forEach(ServerProcess::close);
  }
}
