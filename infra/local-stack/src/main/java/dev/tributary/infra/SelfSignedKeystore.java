package dev.tributary.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server's TLS key with a self-signed certificate for 127.0.0.1 and localhost (a PKCS12
 * keystore), and a truststore that trusts that certificate alone, for clients: made with the JDK's
 * {@code keytool}, each store with a random password.
 */
public record SelfSignedKeystore(
    Path keystore, String keystorePassword, Path truststore, String truststorePassword) {

  /** Makes both stores in {@code dir}. */
  public static SelfSignedKeystore create(Path dir) {
    try {
      Files.createDirectories(dir);
      Path keystore = dir.resolve("server.p12");
      Path certificate = dir.resolve("server.pem");
      Path truststore = dir.resolve("truststore.p12");
      String keyPassword = randomPassword();
      String trustPassword = randomPassword();
      Map<String, String> passwords =
          Map.of("KEY_PASSWORD", keyPassword, "TRUST_PASSWORD", trustPassword);
      keytool(
          passwords,
          "-genkeypair",
          "-alias",
          "server",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-validity",
          "30",
          "-dname",
          "CN=127.0.0.1",
          "-ext",
          "SAN=ip:127.0.0.1,dns:localhost",
          "-storetype",
          "PKCS12",
          "-keystore",
          keystore.toString(),
          "-storepass:env",
          "KEY_PASSWORD",
          "-keypass:env",
          "KEY_PASSWORD");
      keytool(
          passwords,
          "-exportcert",
          "-rfc",
          "-alias",
          "server",
          "-keystore",
          keystore.toString(),
          "-storepass:env",
          "KEY_PASSWORD",
          "-file",
          certificate.toString());
      keytool(
          passwords,
          "-importcert",
          "-noprompt",
          "-alias",
          "server",
          "-file",
          certificate.toString(),
          "-storetype",
          "PKCS12",
          "-keystore",
          truststore.toString(),
          "-storepass:env",
          "TRUST_PASSWORD");
      return new SelfSignedKeystore(keystore, keyPassword, truststore, trustPassword);
    } catch (IOException e) {
      throw new IllegalStateException("could not make a TLS keystore in " + dir, e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Runs keytool with {@code passwords} in its environment, not on its command line. */
  private static void keytool(Map<String, String> passwords, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(passwords);
    Process process = builder.start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }
}
