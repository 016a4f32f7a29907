package io.tributary.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made inside the tests: CAs, a server certificate for {@code localhost}/{@code 127.0.0.1}, client
 * certificates; written as PEM or PKCS12 files for the server's ssl.* settings and for curl.
 */
public final class TestPki {
  private TestPki() {}

  /** A key pair with its certificate. */
  public record Issued(KeyPair keys, X509Certificate certificate) {
    public PrivateKey privateKey() {
      return keys.getPrivate();
    }
  }

  public static Issued ca(String commonName) {
    KeyPair keys = ecKeys();
    X500Principal name = new X500Principal("CN=" + commonName);
    return new Issued(keys, build(name, keys, name, keys.getPrivate(), true, null, null));
  }

  public static Issued server(Issued ca) {
    KeyPair keys = ecKeys();
    try {
      GeneralNames names = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, InetAddress.getByName("127.0.0.1").getHostAddress())});
      return new Issued(keys, build(new X500Principal("CN=localhost"), keys, ca.certificate().getSubjectX500Principal(),
          ca.privateKey(), false, KeyPurposeId.id_kp_serverAuth, names));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Issued client(Issued ca, String subject) {
    KeyPair keys = ecKeys();
    return new Issued(keys, build(new X500Principal(subject), keys, ca.certificate().getSubjectX500Principal(),
        ca.privateKey(), false, KeyPurposeId.id_kp_clientAuth, null));
  }

  /** Writes certificates and keys (private keys as unencrypted PKCS#8) to {@code file} as OpenSSL would. */
  public static Path pem(Path file, Object... objects) {
    try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
      for (Object o : objects) {
        writer.writeObject(o instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : o);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A key store of the given type (PKCS12, JKS) holding the key and its chain under alias "server". */
  public static Path keyStore(Path file, String type, String password, Issued leaf, Issued ca) {
    try {
      KeyStore store = KeyStore.getInstance(type);
      store.load(null, null);
      store.setKeyEntry("server", leaf.privateKey(), password.toCharArray(),
          new Certificate[] {leaf.certificate(), ca.certificate()});
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password.toCharArray());
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ecKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate build(X500Principal subject, KeyPair keys, X500Principal issuer, PrivateKey signer,
      boolean isCa, KeyPurposeId purpose, GeneralNames altNames) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
          Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (purpose != null) {
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (altNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, altNames);
      }
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }
}
