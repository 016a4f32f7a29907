package io.tributary.server;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files as OpenSSL writes them: certificates, and private keys in PKCS#8 ({@code PRIVATE KEY}, or
 * {@code ENCRYPTED PRIVATE KEY} with a password), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY},
 * legacy-encrypted too). Keys come out as JDK key objects.
 */
final class Pem {
  private Pem() {}

  /** Every certificate in the file, in order. */
  static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    List<X509Certificate> out = new ArrayList<>();
    for (Object o : objects(file)) {
      if (o instanceof X509CertificateHolder holder) {
        out.add(new JcaX509CertificateConverter().getCertificate(holder));
      }
    }
    return out;
  }

  /** The first private key in the file; {@code password} (may be empty) opens an encrypted one. */
  static PrivateKey privateKey(Path file, String password) throws IOException, GeneralSecurityException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    for (Object o : objects(file)) {
      try {
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
          return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
              new JceOpenSSLPKCS8DecryptorProviderBuilder().build(password.toCharArray())));
        }
        if (o instanceof PEMEncryptedKeyPair encrypted) {
          return converter.getKeyPair(encrypted.decryptKeyPair(
              new JcePEMDecryptorProviderBuilder().build(password.toCharArray()))).getPrivate();
        }
      } catch (OperatorCreationException | PKCSException e) {
        throw new GeneralSecurityException("the private key cannot be decrypted with the given password");
      }
    }
    throw new GeneralSecurityException("no private key found");
  }

  /** Writes objects (certificates, keys) as PEM. */
  static String encode(Object... objects) throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object o : objects) {
        writer.writeObject(o);
      }
    }
    return text.toString();
  }

  static void write(Path file, String pem) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      w.write(pem);
    }
  }

  private static List<Object> objects(Path file) throws IOException {
    List<Object> out = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        out.add(o);
      }
    }
    return out;
  }
}
