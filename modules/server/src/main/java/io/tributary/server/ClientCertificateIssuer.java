package io.tributary.server;

import io.tributary.http.auth.EmbeddedApiKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Signs a client's certificate signing request with the client-auth CA, for TLS client authentication only, and
 * seals an API key into it ({@link EmbeddedApiKeys}). The CSR's own signature is checked first: only the holder of
 * the private key can have made it, so the key in the certificate is bound to that holder. The CSR's requested
 * extensions are not copied: the certificate says only what this CA decides.
 */
final class ClientCertificateIssuer {
  private final ClientAuthCa ca;
  private final EmbeddedApiKeys embedded;

  ClientCertificateIssuer(ClientAuthCa ca, EmbeddedApiKeys embedded) {
    this.ca = ca;
    this.embedded = embedded;
  }

  X509Certificate issue(PKCS10CertificationRequest csr, String apiKey, Duration validity)
      throws GeneralSecurityException {
    try {
      // BouncyCastle's own CSR key conversion names EC keys in a way only its provider knows; this one maps to
      // the JDK's algorithm names.
      PublicKey subjectKey = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(subjectKey))) {
        throw new GeneralSecurityException("the CSR's signature does not verify");
      }
      Instant now = Instant.now();
      X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
          X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
          new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
          Date.from(now.plus(validity)), csr.getSubject(), csr.getSubjectPublicKeyInfo());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(ca.certificate()));
      // The sealed key travels as a subjectAltName URI, which every TLS stack parses (with a private extension under
      // a UUID OID, wget/GnuTLS silently sent no certificate). RFC 5280: critical when the subject is empty.
      GeneralName sealed = new GeneralName(GeneralName.uniformResourceIdentifier,
          EmbeddedApiKeys.uri(embedded.seal(apiKey, subjectKey)));
      builder.addExtension(Extension.subjectAlternativeName, csr.getSubject().getRDNs().length == 0,
          new GeneralNames(sealed));
      String algorithm = ca.key() instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(algorithm).build(ca.key())));
    } catch (OperatorCreationException | PKCSException | IOException e) {
      throw new GeneralSecurityException("cannot sign the CSR: " + e.getMessage(), e);
    }
  }
}
