package io.tributary.http.auth;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys sealed into client certificates (Event Streams' "API key in the certificate", for clients that cannot
 * set headers). The sealed value is {@code version(1) ‖ nonce(12) ‖ AES-256-GCM(apiKey) with its 16-byte tag}. It
 * travels as a subjectAltName URI {@code tributary-sealed-api-key:<base64url of the value>} ({@link #uri(byte[])}):
 * every TLS stack parses URIs there, whereas wget (GnuTLS) silently sends no certificate with the former carrier, an
 * extension under a UUID OID ({@link #LEGACY_EXTENSION_OID}, whose 128-bit arc is beyond what X.509 stacks must
 * handle). Certificates issued with that extension are still opened. The AES key is HKDF-SHA256 of a server secret
 * (a configured file, or the client-auth CA's private key), so only the server (and whoever holds the CA key anyway)
 * can read it. The additional authenticated data is the certificate's public key, so the value cannot be lifted
 * into another certificate; and only certificates issued by the client-auth CA are opened at all. See
 * docs/security.md.
 */
public final class EmbeddedApiKeys {
  /**
   * The extension that carried the sealed value (an OCTET STRING) in certificates issued before the subjectAltName
   * URI: a UUID-based OID (ITU-T X.667, arc 2.25). Only read, never written.
   */
  public static final String LEGACY_EXTENSION_OID = "2.25.247585919593722810816496128980552628819";
  /** The scheme of the subjectAltName URI that carries the sealed value. */
  public static final String URI_SCHEME = "tributary-sealed-api-key";

  private static final String URI_PREFIX = URI_SCHEME + ":";
  private static final int SAN_URI = 6;

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

  /** The value that seals {@code apiKey} to {@code subjectKey}; {@link #uri(byte[])} makes it a certificate's. */
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

  /** The subjectAltName URI that carries a {@link #seal sealed} value: the scheme, then base64url without padding. */
  public static String uri(byte[] sealed) {
    return URI_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  /**
   * The API key sealed in the certificate (in its subjectAltName URI, or in the legacy extension); empty when it
   * carries none.
   *
   * @throws TributaryException 401 when a sealed value is there but the certificate is not the client-auth CA's, it
   *     carries more than one, or the value does not open (tampered, another server's secret, copied from another
   *     certificate)
   */
  public Optional<String> open(X509Certificate certificate) {
    List<String> uris = sealedUris(certificate);
    byte[] extension = certificate.getExtensionValue(LEGACY_EXTENSION_OID);
    if (uris.isEmpty() && extension == null) {
      return Optional.empty();
    }
    if (!issuedByCa(certificate)) {
      throw refused("it was not issued by the client-auth CA");
    }
    if (uris.size() + (extension == null ? 0 : 1) > 1) {
      throw refused("it carries more than one embedded API key");
    }
    try {
      byte[] value = uris.isEmpty() ? Der.octetString(Der.octetString(extension))
          : Base64.getUrlDecoder().decode(uris.get(0).substring(URI_PREFIX.length()));
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

  /** The certificate's subjectAltName URIs in this class's scheme (case-insensitive, as URI schemes are). */
  private static List<String> sealedUris(X509Certificate certificate) {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException unparsable) {
      // The JDK parses the extension when it decodes the certificate, so a handshake never gets here with one.
      return List.of();
    }
    if (names == null) {
      return List.of();
    }
    return names.stream()
        .filter(name -> Integer.valueOf(SAN_URI).equals(name.get(0)) && name.get(1) instanceof String)
        .map(name -> (String) name.get(1))
        .filter(uri -> uri.regionMatches(true, 0, URI_PREFIX, 0, URI_PREFIX.length()))
        .toList();
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
