package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * {@code java -jar tributary.jar sign-clientauth-csr --in client.csr --api-key KEY --out client.pem [--ca DIR |
 * --ca-cert FILE --ca-key FILE] [--config FILE] [--days N]}: signs a CSR with the client-auth CA and seals the API
 * key into the certificate, so that a client presenting only that certificate acts with the key's permissions. The
 * CA and the secret come from the same settings the server reads ({@code --config}, {@code KAFKA_REST_*}), so the
 * server can open what this command seals. {@code --api-key-file} keeps the key out of the process list.
 */
final class SignClientAuthCsrCommand {
  static final String NAME = "sign-clientauth-csr";
  static final String USAGE = "usage: java -jar tributary.jar " + NAME + " --in client.csr (--api-key KEY |"
      + " --api-key-file FILE) --out client.pem [--ca DIR | --ca-cert FILE --ca-key FILE] [--config FILE]"
      + " [--days N]";

  private SignClientAuthCsrCommand() {}

  /** Runs the command; returns the process exit code (0 done, 1 failed, 2 bad usage). */
  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        out.println(USAGE);
        return 0;
      }
      if (!name.startsWith("--") || i + 1 >= args.length) {
        err.println("Unexpected argument '" + name + "'. " + USAGE);
        return 2;
      }
      options.put(name.substring(2), args[++i]);
    }
    if (!options.containsKey("in") || !options.containsKey("out")
        || options.containsKey("api-key") == options.containsKey("api-key-file")) {
      err.println(USAGE);
      return 2;
    }
    try {
      X509Certificate certificate = sign(options, environment);
      Files.writeString(Path.of(options.get("out")), Pem.encode(certificate), StandardCharsets.US_ASCII);
      out.println("Signed " + certificate.getSubjectX500Principal().getName() + " (valid until "
          + certificate.getNotAfter().toInstant() + ") into " + options.get("out"));
      return 0;
    } catch (ConfigException | IOException | GeneralSecurityException | IllegalArgumentException e) {
      err.println("Cannot sign: " + e.getMessage());
    }
    return 1;
  }

  private static X509Certificate sign(Map<String, String> options, Map<String, String> environment)
      throws IOException, GeneralSecurityException {
    Map<String, String> overrides = new HashMap<>();
    if (options.containsKey("ca")) {
      overrides.put(ConfigKeys.AUTH_CLIENTAUTH_CA_DIR.name(), options.get("ca"));
    }
    if (options.containsKey("ca-cert")) {
      overrides.put(ConfigKeys.AUTH_CLIENTAUTH_CA_CERT.name(), options.get("ca-cert"));
      overrides.put(ConfigKeys.AUTH_CLIENTAUTH_CA_KEY.name(), options.getOrDefault("ca-key", ""));
    }
    Path configFile = options.containsKey("config") ? Path.of(options.get("config")) : null;
    TributaryConfig config = ConfigLoader.load(configFile, environment).with(overrides);
    ClientAuthCa ca = ClientAuthCa.fromConfig(config).orElseThrow(() -> new IllegalArgumentException(
        "no client-auth CA: give --ca DIR, --ca-cert and --ca-key, or set auth.clientauth.ca.dir in --config"));
    String apiKey = options.containsKey("api-key") ? options.get("api-key")
        : Files.readString(Path.of(options.get("api-key-file")), StandardCharsets.UTF_8).strip();
    if (apiKey.isEmpty()) {
      throw new IllegalArgumentException("the API key is empty");
    }
    int days = Integer.parseInt(options.getOrDefault("days", "365"));
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1");
    }
    return new ClientCertificateIssuer(ca, ca.embeddedApiKeys(config))
        .issue(readCsr(Path.of(options.get("in"))), apiKey, Duration.ofDays(days));
  }

  private static PKCS10CertificationRequest readCsr(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
      Object o = parser.readObject();
      if (o instanceof PKCS10CertificationRequest csr) {
        return csr;
      }
      throw new IllegalArgumentException(file + " is not a PEM certificate signing request");
    }
  }
}
