package dev.tributary.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.detect.Alert;
import dev.tributary.infra.YarnExtension;
import dev.tributary.pipelines.banking.FraudDetectionPipeline;
import dev.tributary.testdata.banking.BankingGenerator;
import dev.tributary.transforms.RawRecord;
import dev.tributary.transforms.banking.BankingModel;
import dev.tributary.transforms.banking.FraudThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch fraud pipeline on Spark on a real YARN (ResourceManager and NodeManager) with HDFS,
 * submitted the way a user does: {@code spark-submit --master yarn} from the packaged Spark jar,
 * with the cluster's client configuration in {@code HADOOP_CONF_DIR}. Input and output are on HDFS;
 * the outputs must equal the plain-Java model's, and YARN must report the application as succeeded.
 *
 * <p>Needs the packaged jar: runs in the {@code clusters} profile, after {@code package}.
 */
class SparkOnYarnClusterIT {
  /** Room for the application master (512 MB + overhead) and one executor (512 MB + overhead). */
  @RegisterExtension static final YarnExtension YARN = new YarnExtension(4096);

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void batchJobSubmittedToYarnWritesTheModelsOutputsToHdfs(@TempDir Path dir) throws Exception {
    BankingGenerator.Output sample = BankingGenerator.generate(new BankingGenerator.Settings());
    String landing = YARN.hdfsUri() + "/landing/banking";
    BankingGenerator.write(sample, landing);
    BankingModel.Result model =
        new BankingModel(FraudThresholds.DEFAULTS, 3)
            .run(
                RawRecord.ofLines("tx", sample.transactionLines()),
                RawRecord.ofLines("accounts", sample.accountLines()));

    Path jar = PackagedJar.spark();
    String javaFlags = System.getProperty("tributary.sparkJavaFlags", "");
    String out = YARN.hdfsUri() + "/out/fraud";
    List<String> command = new ArrayList<>();
    command.add(PackagedJar.java());
    command.addAll(List.of(javaFlags.trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            YARN.confDir() + java.io.File.pathSeparator + jar,
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "yarn",
            "--deploy-mode",
            "client",
            // The executors and the application master load Spark and the pipeline from the one
            // jar.
            "--conf",
            "spark.yarn.jars=" + jar,
            "--conf",
            "spark.yarn.am.memory=512m",
            "--conf",
            "spark.executor.memory=512m",
            "--conf",
            "spark.executor.instances=1",
            "--conf",
            "spark.executor.cores=2",
            "--conf",
            "spark.executor.extraJavaOptions=" + javaFlags,
            "--conf",
            "spark.yarn.am.extraJavaOptions=" + javaFlags,
            "--conf",
            "spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1",
            "--conf",
            "spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1",
            "--conf",
            "spark.ui.enabled=false",
            "--class",
            FraudDetectionPipeline.class.getName(),
            jar.toString(),
            "--runner=SparkRunner",
            "--sparkMaster=yarn",
            "--filesToStage=" + jar,
            "--appName=tributary-fraud-on-yarn",
            "--hdfsConfiguration=" + YARN.beamConfiguration(),
            "--input=" + landing + "/" + BankingGenerator.TRANSACTIONS_FILE,
            "--accounts=" + landing + "/" + BankingGenerator.ACCOUNTS_FILE,
            "--output=" + out));
    Path log = dir.resolve("spark-submit.log");
    int exit =
        PackagedJar.run(
            command,
            List.of(
                "HADOOP_CONF_DIR=" + YARN.confDir(),
                "YARN_CONF_DIR=" + YARN.confDir(),
                "SPARK_LOCAL_IP=127.0.0.1"),
            log,
            Duration.ofMinutes(6));
    assertEquals(0, exit, "spark-submit failed; see " + log + ":\n" + tail(log));

    // The application ends on YARN once its master has unregistered, a moment after the driver
    // exits.
    List<String> applications = YARN.endedApplications();
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (applications.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      applications = YARN.endedApplications();
    }
    assertEquals(1, applications.size(), "one application ran on YARN: " + applications);
    assertTrue(
        applications.get(0).contains("state=FINISHED final=SUCCEEDED name=tributary-fraud-on-yarn"),
        applications.get(0));

    Set<String> expectedAlerts = new TreeSet<>();
    for (Alert alert : model.alerts()) {
      expectedAlerts.add(alert.id);
    }
    List<String> alertLines =
        OutputFiles.lines(out + "/" + FraudDetectionPipeline.ALERTS + "/*.jsonl");
    Set<String> alerts = new TreeSet<>();
    for (String line : alertLines) {
      alerts.add(JSON.readTree(line).get("id").asText());
    }
    assertEquals(expectedAlerts.size(), alertLines.size(), "no alert lost or duplicated");
    assertEquals(expectedAlerts, alerts);
    assertEquals(sample.groundTruth().size(), alerts.size(), "every injected fraud found");
    List<String> deadLetters =
        OutputFiles.lines(out + "/" + FraudDetectionPipeline.DEAD_LETTERS + "/*.jsonl");
    assertEquals(model.deadLetters().size(), deadLetters.size());
    assertEquals(
        sample.transactionLines().size(),
        model.transactions().size() + model.deadLetters().size(),
        "records in = records out + dead letters");
    System.out.printf(
        "[spark on yarn] %s; read %d, dead letters %d, alerts %d (model %d)%n",
        applications.get(0),
        sample.transactionLines().size(),
        deadLetters.size(),
        alerts.size(),
        expectedAlerts.size());
  }

  private static String tail(Path log) throws java.io.IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
