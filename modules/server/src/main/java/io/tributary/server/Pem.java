package io.tributary.server;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files as OpenSSL writes them: certificates, and private keys in PKCS#8 ({@code PRIVATE KEY}, or
 * {@code ENCRYPTED PRIVATE KEY} with a password: PBES2 with AES), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY},
 * not legacy-encrypted ones). Keys come out as JDK key objects.
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
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (o instanceof PEMKeyPair pair) {
        // SEC1 keys may come without their public half; the private key info is all that is needed.
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        try {
          return converter.getPrivateKey(decrypt(encrypted, password));
        } catch (GeneralSecurityException e) {
          throw new GeneralSecurityException("the private key cannot be decrypted with the given password");
        }
      }
      if (o instanceof PEMEncryptedKeyPair) {
        throw new GeneralSecurityException("legacy-encrypted PEM keys (Proc-Type: 4,ENCRYPTED) are not supported;"
            + " convert the key with: openssl pkcs8 -topk8 -v2 aes-256-cbc");
      }
    }
    throw new GeneralSecurityException("no private key found");
  }

  /**
   * Decrypts PKCS#8 with the JDK's own PBES2 support (AES with PBKDF2, OpenSSL's default): BouncyCastle's JCA path
   * asks for a padding name only its own provider knows, and registering that provider is not worth it.
   */
  private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, String password)
      throws IOException, GeneralSecurityException {
    EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(encrypted.getEncoded());
    AlgorithmParameters parameters = info.getAlgParameters();
    String algorithm = parameters == null ? info.getAlgName() : parameters.toString();
    SecretKey key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray()));
    Cipher cipher = Cipher.getInstance(algorithm);
    cipher.init(Cipher.DECRYPT_MODE, key, parameters);
    return PrivateKeyInfo.getInstance(info.getKeySpec(cipher).getEncoded());
  }

  /** Writes objects (certificates; private keys as unencrypted PKCS#8) as PEM. */
  static String encode(Object... objects) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object o : objects) {
        if (o instanceof PrivateKey key) {
          writer.writeObject(new JcaPKCS8Generator(key, null));
        } else {
          writer.writeObject(o);
        }
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
