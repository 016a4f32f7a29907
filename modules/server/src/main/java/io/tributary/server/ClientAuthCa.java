package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.http.auth.EmbeddedApiKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tributary's client-auth CA: it signs client certificates that carry an embedded API key
 * ({@code sign-clientauth-csr}), and the server trusts it on https:// listeners. Either configured
 * ({@code auth.clientauth.ca.cert} + {@code .key}) or kept in {@code auth.clientauth.ca.dir}, where it is generated
 * (EC P-256, ten years) the first time the server or the command needs it.
 */
final class ClientAuthCa {
  private static final Logger LOG = LoggerFactory.getLogger(ClientAuthCa.class);
  static final String CERT_FILE = "ca.pem";
  static final String KEY_FILE = "ca-key.pem";
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);

  private final X509Certificate certificate;
  private final PrivateKey key;

  private ClientAuthCa(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  X509Certificate certificate() {
    return certificate;
  }

  PrivateKey key() {
    return key;
  }

  /** The configured CA, if any; a configured directory without one gets a new CA. */
  static Optional<ClientAuthCa> fromConfig(TributaryConfig config) {
    String cert = config.get(ConfigKeys.AUTH_CLIENTAUTH_CA_CERT);
    if (!cert.isBlank()) {
      return Optional.of(load(Path.of(cert), Path.of(config.get(ConfigKeys.AUTH_CLIENTAUTH_CA_KEY)),
          ConfigKeys.AUTH_CLIENTAUTH_CA_CERT.name()));
    }
    String dir = config.get(ConfigKeys.AUTH_CLIENTAUTH_CA_DIR);
    return dir.isBlank() ? Optional.empty() : Optional.of(loadOrCreate(Path.of(dir)));
  }

  /** The cipher that seals and opens embedded API keys under this CA's secret (or the configured one). */
  EmbeddedApiKeys embeddedApiKeys(TributaryConfig config) {
    String secretFile = config.get(ConfigKeys.AUTH_CLIENTAUTH_SECRET_FILE);
    byte[] secret;
    if (secretFile.isBlank()) {
      secret = EmbeddedApiKeys.secretOf(key);
    } else {
      try {
        secret = Files.readAllBytes(Path.of(secretFile));
      } catch (IOException e) {
        throw new ConfigException(ConfigKeys.AUTH_CLIENTAUTH_SECRET_FILE.name(), "cannot read " + secretFile);
      }
    }
    try {
      return EmbeddedApiKeys.create(certificate, secret);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigKeys.AUTH_CLIENTAUTH_SECRET_FILE.name(), e.getMessage());
    }
  }

  @SuppressWarnings("try") // the file lock is never read: holding it for the block is its whole job
  static ClientAuthCa loadOrCreate(Path dir) {
    Path cert = dir.resolve(CERT_FILE);
    Path key = dir.resolve(KEY_FILE);
    if (!Files.exists(cert)) {
      // The server and the command may both get here first: a file lock lets exactly one of them create the CA.
      try {
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
          if (!Files.exists(cert)) {
            create(dir, cert, key);
          }
        }
      } catch (IOException e) {
        throw new ConfigException(ConfigKeys.AUTH_CLIENTAUTH_CA_DIR.name(), "cannot create a client-auth CA in " + dir
            + ": " + e.getMessage());
      }
    }
    return load(cert, key, ConfigKeys.AUTH_CLIENTAUTH_CA_DIR.name());
  }

  private static ClientAuthCa load(Path cert, Path key, String configKey) {
    try {
      X509Certificate certificate = Pem.certificates(cert).stream().findFirst()
          .orElseThrow(() -> new GeneralSecurityException(cert + " holds no certificate"));
      return new ClientAuthCa(certificate, Pem.privateKey(key, ""));
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(configKey, "cannot load the client-auth CA (" + cert + ", " + key + "): "
          + e.getMessage());
    }
  }

  /**
   * Generates the CA into {@code dir} (under the directory lock). The key file is readable by its owner only; the
   * certificate is moved into place last, so that its presence means the CA is complete.
   */
  private static void create(Path dir, Path cert, Path key) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      X509Certificate certificate = selfSigned(pair);
      Files.deleteIfExists(key);
      Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Pem.write(key, Pem.encode(pair.getPrivate()));
      Path certTemp = Files.createTempFile(dir, "ca", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
      Pem.write(certTemp, Pem.encode(certificate));
      Files.move(certTemp, cert, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("Created the client-auth CA {} in {}", certificate.getSubjectX500Principal().getName(), dir);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static X509Certificate selfSigned(KeyPair pair)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Principal name = new X500Principal("CN=Tributary client-auth CA " + Instant.now().getEpochSecond());
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
        new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(CA_VALIDITY)), name, pair.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }
}
