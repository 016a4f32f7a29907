package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.TributaryException;
import io.tributary.http.auth.CertificateSubjects;
import io.tributary.http.auth.EmbeddedApiKeys;
import io.tributary.testkit.TestPki;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client-auth CA, certificates with a sealed API key, and subject mapping, without a server. */
class ClientCertificatesTest {
  @TempDir
  Path dir;

  private static PKCS10CertificationRequest csr(TestPki.Issued self) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(self.certificate().getSubjectX500Principal(),
        self.keys().getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(self.privateKey()));
  }

  private ClientAuthCa ca() {
    return ClientAuthCa.loadOrCreate(dir.resolve("ca"));
  }

  private EmbeddedApiKeys cipher(ClientAuthCa ca) {
    return ca.embeddedApiKeys(TributaryConfig.empty());
  }

  @Test
  void theCaIsCreatedOnceWithAPrivateKeyFileOnlyItsOwnerCanRead() throws Exception {
    ClientAuthCa first = ca();
    ClientAuthCa again = ca();

    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(Files.getPosixFilePermissions(dir.resolve("ca").resolve(ClientAuthCa.KEY_FILE)))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    first.certificate().verify(first.certificate().getPublicKey());
  }

  @Test
  void aSealedKeyOpensOnlyInTheCertificateItWasSealedInto() throws Exception {
    ClientAuthCa ca = ca();
    EmbeddedApiKeys cipher = cipher(ca);
    TestPki.Issued self = TestPki.client(TestPki.ca("self"), "CN=cics");
    X509Certificate issued = new ClientCertificateIssuer(ca, cipher).issue(csr(self), "the-api-key",
        Duration.ofDays(1));

    assertThat(cipher.open(issued)).contains("the-api-key");
    assertThat(new String(issued.getEncoded(), StandardCharsets.ISO_8859_1))
        .doesNotContain("the-api-key");
    assertThat(issued.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(issued.getBasicConstraints()).isEqualTo(-1);

    // The same URI in a certificate for another key, even one the CA signed, does not open.
    TestPki.Issued other = TestPki.client(TestPki.ca("other"), "CN=cics");
    X509Certificate lifted = signedByCa(ca, other.keys().getPublic(), sealedUris(issued).toArray(String[]::new));
    assertThatThrownBy(() -> cipher.open(lifted)).isInstanceOf(TributaryException.class)
        .hasMessageContaining("cannot be opened");
  }

  @Test
  void theSealedKeyTravelsAsASubjectAltNameUriAndEveryOidArcIsSmall() throws Exception {
    ClientAuthCa ca = ca();
    TestPki.Issued self = TestPki.client(TestPki.ca("self"), "CN=cics");
    X509Certificate issued = new ClientCertificateIssuer(ca, cipher(ca)).issue(csr(self), "k", Duration.ofDays(1));
    PKCS10CertificationRequest noSubject = new JcaPKCS10CertificationRequestBuilder(new X500Principal(""),
        self.keys().getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(self.privateKey()));
    X509Certificate anonymous = new ClientCertificateIssuer(ca, cipher(ca)).issue(noSubject, "k", Duration.ofDays(1));

    assertThat(sealedUris(issued)).singleElement().asString().matches("tributary-sealed-api-key:[A-Za-z0-9_-]+");
    assertThat(issued.getExtensionValue(EmbeddedApiKeys.LEGACY_EXTENSION_OID)).isNull();
    // GnuTLS (wget) refused the former UUID-OID extension; RFC 5280 asks implementations to handle arcs below 2^28.
    assertThat(oidArcs(issued)).isNotEmpty()
        .allSatisfy(arc -> assertThat(arc).isLessThan(BigInteger.ONE.shiftLeft(28)));
    assertThat(issued.getCriticalExtensionOIDs()).doesNotContain("2.5.29.17");
    assertThat(anonymous.getCriticalExtensionOIDs()).contains("2.5.29.17");
    assertThat(cipher(ca).open(anonymous)).contains("k");
  }

  @Test
  void aCertificateIssuedWithTheLegacyExtensionStillOpensButNotInAnotherCertificate() throws Exception {
    ClientAuthCa ca = ca();
    EmbeddedApiKeys cipher = cipher(ca);
    TestPki.Issued self = TestPki.client(TestPki.ca("self"), "CN=cics");
    X509Certificate legacy = LegacyClientCertificates.issue(ca, cipher, self.certificate().getSubjectX500Principal(),
        self.keys().getPublic(), "the-api-key");

    assertThat(cipher.open(legacy)).contains("the-api-key");
    assertThat(sealedUris(legacy)).isEmpty();

    TestPki.Issued other = TestPki.client(TestPki.ca("other"), "CN=cics");
    X509Certificate lifted = reissueWithExtension(ca, other.certificate(), legacy);
    assertThatThrownBy(() -> cipher.open(lifted)).hasMessageContaining("cannot be opened");
  }

  @Test
  void aTamperedOrSecondSealedValueIsRefused() throws Exception {
    ClientAuthCa ca = ca();
    EmbeddedApiKeys cipher = cipher(ca);
    TestPki.Issued self = TestPki.client(TestPki.ca("self"), "CN=cics");
    X509Certificate issued = new ClientCertificateIssuer(ca, cipher).issue(csr(self), "k", Duration.ofDays(1));
    String uri = sealedUris(issued).get(0);
    String flipped = uri.substring(0, uri.length() - 1) + (uri.endsWith("A") ? "B" : "A");

    X509Certificate tampered = signedByCa(ca, self.keys().getPublic(), flipped);
    X509Certificate notBase64 = signedByCa(ca, self.keys().getPublic(), "tributary-sealed-api-key:not.base64!");
    X509Certificate twice = signedByCa(ca, self.keys().getPublic(), uri, uri);

    assertThatThrownBy(() -> cipher.open(tampered)).hasMessageContaining("cannot be opened");
    assertThatThrownBy(() -> cipher.open(notBase64)).hasMessageContaining("cannot be opened");
    assertThatThrownBy(() -> cipher.open(twice)).hasMessageContaining("more than one");
    assertThat(cipher.open(signedByCa(ca, self.keys().getPublic(), "https://example.com/app"))).isEmpty();
  }

  /** A certificate for {@code subjectKey} signed by the client-auth CA whose subjectAltName holds {@code uris}. */
  private static X509Certificate signedByCa(ClientAuthCa ca, PublicKey subjectKey, String... uris) throws Exception {
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), BigInteger.TEN,
        new Date(), Date.from(new Date().toInstant().plus(Duration.ofDays(1))), new X500Principal("CN=cics"),
        subjectKey);
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(Arrays.stream(uris)
        .map(uri -> new GeneralName(GeneralName.uniformResourceIdentifier, uri)).toArray(GeneralName[]::new)));
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
  }

  /** {@code target}'s subject and key, signed by the CA, with {@code source}'s legacy extension value. */
  private static X509Certificate reissueWithExtension(ClientAuthCa ca, X509Certificate target, X509Certificate source)
      throws Exception {
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), BigInteger.TEN,
        new Date(), Date.from(new Date().toInstant().plus(Duration.ofDays(1))), target.getSubjectX500Principal(),
        target.getPublicKey());
    byte[] sealed = ASN1OctetString.getInstance(ASN1OctetString.getInstance(
        source.getExtensionValue(EmbeddedApiKeys.LEGACY_EXTENSION_OID)).getOctets()).getOctets();
    builder.addExtension(new ASN1ObjectIdentifier(EmbeddedApiKeys.LEGACY_EXTENSION_OID), false,
        new DEROctetString(sealed));
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
  }

  private static List<String> sealedUris(X509Certificate certificate) throws Exception {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    return names == null ? List.of() : names.stream().filter(name -> name.get(0).equals(6))
        .map(name -> (String) name.get(1)).filter(uri -> uri.startsWith(EmbeddedApiKeys.URI_SCHEME + ":")).toList();
  }

  /** Every arc of every OBJECT IDENTIFIER anywhere in the certificate's DER. */
  private static List<BigInteger> oidArcs(X509Certificate certificate) throws Exception {
    List<BigInteger> arcs = new ArrayList<>();
    collectArcs(ASN1Primitive.fromByteArray(certificate.getEncoded()), arcs);
    return arcs;
  }

  private static void collectArcs(ASN1Encodable node, List<BigInteger> arcs) throws Exception {
    ASN1Primitive primitive = node.toASN1Primitive();
    if (primitive instanceof ASN1ObjectIdentifier oid) {
      Arrays.stream(oid.getId().split("\\.")).map(BigInteger::new).forEach(arcs::add);
    } else if (primitive instanceof ASN1Sequence sequence) {
      for (ASN1Encodable child : sequence) {
        collectArcs(child, arcs);
      }
    } else if (primitive instanceof ASN1Set set) {
      for (ASN1Encodable child : set) {
        collectArcs(child, arcs);
      }
    } else if (primitive instanceof ASN1TaggedObject tagged) {
      collectArcs(tagged.getBaseObject(), arcs);
    } else if (primitive instanceof ASN1OctetString octets) {
      // Extension values are DER inside an OCTET STRING; most of the other octet strings are not DER at all.
      try {
        collectArcs(ASN1Primitive.fromByteArray(octets.getOctets()), arcs);
      } catch (IOException | IllegalArgumentException notDer) {
        // not nested DER: no OIDs in it
      }
    }
  }

  @Test
  void anotherSecretOrAnotherIssuerCannotOpenIt() throws Exception {
    ClientAuthCa ca = ca();
    TestPki.Issued self = TestPki.client(TestPki.ca("self"), "CN=cics");
    X509Certificate issued = new ClientCertificateIssuer(ca, cipher(ca)).issue(csr(self), "k", Duration.ofDays(1));
    Path secret = Files.write(dir.resolve("secret"), new byte[32]);
    EmbeddedApiKeys otherSecret = ca.embeddedApiKeys(TributaryConfig.empty().with(
        Map.of("auth.clientauth.secret.file", secret.toString())));
    ClientAuthCa otherCa = ClientAuthCa.loadOrCreate(dir.resolve("other-ca"));

    assertThatThrownBy(() -> otherSecret.open(issued)).hasMessageContaining("cannot be opened");
    assertThatThrownBy(() -> cipher(otherCa).open(issued)).hasMessageContaining("not issued by the client-auth CA");
    assertThat(cipher(ca).open(self.certificate())).isEmpty();
  }

  @Test
  void aCsrWhoseSignatureDoesNotVerifyIsRefused() throws Exception {
    ClientAuthCa ca = ca();
    TestPki.Issued self = TestPki.client(TestPki.ca("self"), "CN=cics");
    TestPki.Issued someoneElse = TestPki.client(TestPki.ca("x"), "CN=x");
    // Claims self's public key, signed with another private key: no proof of possession.
    PKCS10CertificationRequest forged = new JcaPKCS10CertificationRequestBuilder(
        self.certificate().getSubjectX500Principal(), self.keys().getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(someoneElse.privateKey()));

    assertThatThrownBy(() -> new ClientCertificateIssuer(ca, cipher(ca)).issue(forged, "k", Duration.ofDays(1)))
        .hasMessageContaining("signature");
  }

  @Test
  void subjectsMatchAsDistinguishedNamesNotAsStrings() {
    CertificateSubjects subjects = CertificateSubjects.parse(new JsonObject(
        "{\"certificates\":[{\"subject\":\"cn=Partner-App,  o=Partner\",\"principal\":\"partner\"}]}"));
    X509Certificate cert = TestPki.client(TestPki.ca("ca"), "CN=partner-app,O=partner").certificate();
    X509Certificate other = TestPki.client(TestPki.ca("ca"), "CN=partner-app,O=Partner,C=DE").certificate();

    assertThat(subjects.lookup(cert)).map(p -> p.name()).contains("partner");
    assertThat(subjects.lookup(other)).isEmpty();
  }

  @Test
  void theCommandExplainsItsUsageAndRefusesWhatItCannotSign() throws Exception {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    Path notACsr = Files.writeString(dir.resolve("x.csr"), "hello");

    int usage = SignClientAuthCsrCommand.run(new String[] {"sign-clientauth-csr", "--in", "x"},
        Map.of(), new PrintStream(out), new PrintStream(err));
    int bad = SignClientAuthCsrCommand.run(new String[] {"sign-clientauth-csr", "--in", notACsr.toString(),
        "--api-key", "k", "--out", dir.resolve("o.pem").toString(), "--ca", dir.resolve("ca").toString()},
        Map.of(), new PrintStream(out), new PrintStream(err));
    int noCa = SignClientAuthCsrCommand.run(new String[] {"sign-clientauth-csr", "--in", notACsr.toString(),
        "--api-key", "k", "--out", dir.resolve("o.pem").toString()},
        Map.of(), new PrintStream(out), new PrintStream(err));

    assertThat(usage).isEqualTo(2);
    assertThat(bad).isEqualTo(1);
    assertThat(noCa).isEqualTo(1);
    assertThat(err.toString()).contains("usage:").contains("not a PEM certificate signing request")
        .contains("no client-auth CA").doesNotContain("Exception");
    assertThat(Files.exists(dir.resolve("o.pem"))).isFalse();
  }
}
