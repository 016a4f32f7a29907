package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.TributaryException;
import io.tributary.http.auth.CertificateSubjects;
import io.tributary.http.auth.EmbeddedApiKeys;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
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

    // The same extension bytes in a certificate for another key, even one the CA signed, do not open.
    TestPki.Issued other = TestPki.client(TestPki.ca("other"), "CN=cics");
    JcaX509v3CertificateBuilder copy = new JcaX509v3CertificateBuilder(ca.certificate(), BigInteger.TEN,
        new Date(), Date.from(new Date().toInstant().plus(Duration.ofDays(1))),
        other.certificate().getSubjectX500Principal(), other.keys().getPublic());
    byte[] sealed = ASN1OctetString.getInstance(
        ASN1OctetString.getInstance(issued.getExtensionValue(EmbeddedApiKeys.EXTENSION_OID))
            .getOctets()).getOctets();
    copy.addExtension(new ASN1ObjectIdentifier(EmbeddedApiKeys.EXTENSION_OID), false, new DEROctetString(sealed));
    X509Certificate lifted = new JcaX509CertificateConverter().getCertificate(
        copy.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
    assertThatThrownBy(() -> cipher.open(lifted)).isInstanceOf(TributaryException.class)
        .hasMessageContaining("cannot be opened");
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
