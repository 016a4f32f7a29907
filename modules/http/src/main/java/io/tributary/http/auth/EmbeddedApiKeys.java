package io.tributary.http.auth;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys sealed into client certificates (Event Streams' "API key in the certificate", for clients that cannot
 * set headers). The key travels in a non-critical X.509 extension ({@link #EXTENSION_OID}) whose value is an OCTET
 * STRING holding {@code version(1) ‖ nonce(12) ‖ AES-256-GCM(apiKey) with its 16-byte tag}. The AES key is
 * HKDF-SHA256 of a server secret (a configured file, or the client-auth CA's private key), so only the server (and
 * whoever holds the CA key anyway) can read it. The additional authenticated data is the certificate's public key,
 * so the extension cannot be lifted into another certificate; and only certificates issued by the client-auth CA
 * are opened at all. See docs/security.md.
 */
public final class EmbeddedApiKeys {
  /** A UUID-based OID (ITU-T X.667, arc 2.25): unique without a registration. */
  public static final String EXTENSION_OID = "2.25.247585919593722810816496128980552628819";

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] HKDF_SALT = "tributary/clientauth".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HKDF_INFO = "api key in client certificate, v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AAD_PREFIX = "tributary-clientauth-v1".getBytes(StandardCharsets.US_ASCII);

  private final X509Certificate ca;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private EmbeddedApiKeys(X509Certificate ca, SecretKeySpec key) {
    this.ca = ca;
    this.key = key;
  }

  /** @param secret the server secret: a configured file's bytes or {@link #secretOf(PrivateKey)} of the CA key */
  public static EmbeddedApiKeys create(X509Certificate ca, byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the client-auth secret must have at least 16 bytes");
    }
    return new EmbeddedApiKeys(ca, new SecretKeySpec(hkdf(secret), "AES"));
  }

  /**
   * The secret derived from the CA's private key: its private scalar (EC) or exponent (RSA), which does not depend
   * on how the key file was encoded.
   */
  public static byte[] secretOf(PrivateKey caKey) {
    if (caKey instanceof ECPrivateKey ec) {
      return ec.getS().toByteArray();
    }
    if (caKey instanceof RSAPrivateKey rsa) {
      return rsa.getPrivateExponent().toByteArray();
    }
    byte[] encoded = caKey.getEncoded();
    if (encoded == null) {
      throw new IllegalArgumentException("the client-auth CA key cannot be exported to derive a secret");
    }
    return encoded;
  }

  public X509Certificate ca() {
    return ca;
  }

  /** The extension value (the bytes inside its OCTET STRING) that seals {@code apiKey} to {@code subjectKey}. */
  public byte[] seal(String apiKey, PublicKey subjectKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(subjectKey));
      byte[] sealed = cipher.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every Java platform", e);
    }
  }

  /**
   * The API key sealed in the certificate; empty when it has no such extension.
   *
   * @throws TributaryException 401 when the extension is there but the certificate is not the client-auth CA's or
   *     the value does not open (tampered, another server's secret, copied from another certificate)
   */
  public Optional<String> open(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(EXTENSION_OID);
    if (extension == null) {
      return Optional.empty();
    }
    if (!issuedByCa(certificate)) {
      throw refused("it was not issued by the client-auth CA");
    }
    try {
      byte[] value = Der.octetString(Der.octetString(extension));
      if (value.length < 1 + NONCE_BYTES + TAG_BITS / 8 || value[0] != VERSION) {
        throw refused("its embedded API key has an unknown format");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value, 1, NONCE_BYTES));
      cipher.updateAAD(aad(certificate.getPublicKey()));
      byte[] plain = cipher.doFinal(value, 1 + NONCE_BYTES, value.length - 1 - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw refused("its embedded API key cannot be opened by this server");
    }
  }

  private boolean issuedByCa(X509Certificate certificate) {
    if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static TributaryException refused(String why) {
    return ErrorCode.UNAUTHORIZED.toException("Authentication failed: the client certificate is not accepted: " + why
        + ".");
  }

  private static byte[] aad(PublicKey subjectKey) {
    byte[] spki = subjectKey.getEncoded();
    byte[] aad = Arrays.copyOf(AAD_PREFIX, AAD_PREFIX.length + spki.length);
    System.arraycopy(spki, 0, aad, AAD_PREFIX.length, spki.length);
    return aad;
  }

  /** HKDF-SHA256 (RFC 5869), extract then one block of expand: 32 bytes for AES-256. */
  private static byte[] hkdf(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HKDF_SALT, "HmacSHA256"));
      byte[] prk = mac.doFinal(secret);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(HKDF_INFO);
      mac.update((byte) 1);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
