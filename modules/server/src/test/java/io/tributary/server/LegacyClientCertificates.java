package io.tributary.server;

import io.tributary.http.auth.EmbeddedApiKeys;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates as {@code sign-clientauth-csr} issued them before the sealed key moved into the subjectAltName: the
 * same extensions, with the sealed key in the extension {@link EmbeddedApiKeys#LEGACY_EXTENSION_OID} (an OCTET
 * STRING). Such certificates are in use and must keep working.
 */
final class LegacyClientCertificates {
  private LegacyClientCertificates() {}

  static X509Certificate issue(ClientAuthCa ca, EmbeddedApiKeys cipher, X500Principal subject, PublicKey subjectKey,
      String apiKey) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
          new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
          Date.from(now.plus(Duration.ofDays(1))), subject, subjectKey);
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(ca.certificate()));
      builder.addExtension(new ASN1ObjectIdentifier(EmbeddedApiKeys.LEGACY_EXTENSION_OID), false,
          new DEROctetString(cipher.seal(apiKey, subjectKey)));
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a legacy client certificate", e);
    }
  }
}
