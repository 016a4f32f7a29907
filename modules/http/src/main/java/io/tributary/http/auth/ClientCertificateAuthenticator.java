package io.tributary.http.auth;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.Future;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Checks a client certificate that the TLS handshake has already verified. A certificate with an embedded API key
 * (signed by {@code sign-clientauth-csr}) acts for that key's principal, checked like any other API key, so
 * revoking the key revokes the certificate. Otherwise its subject must be mapped in the {@code certificates}
 * section of the key file.
 */
public final class ClientCertificateAuthenticator implements Authenticator {
  private final CertificateSubjects subjects;
  private final EmbeddedApiKeys embedded;
  private final Authenticator apiKeys;

  /**
   * @param embedded null when no client-auth CA is configured
   * @param apiKeys checks recovered API keys; null when there are none
   */
  public ClientCertificateAuthenticator(CertificateSubjects subjects, EmbeddedApiKeys embedded,
      Authenticator apiKeys) {
    this.subjects = subjects;
    this.embedded = embedded;
    this.apiKeys = apiKeys;
  }

  @Override
  public boolean checks(Credential credential) {
    return credential instanceof Credential.ClientCertificate;
  }

  @Override
  public Future<Principal> authenticate(Credential credential) {
    X509Certificate certificate = ((Credential.ClientCertificate) credential).certificate();
    Optional<String> key;
    try {
      key = embedded == null ? Optional.empty() : embedded.open(certificate);
    } catch (TributaryException refused) {
      return Future.failedFuture(refused);
    }
    if (key.isPresent() && apiKeys != null) {
      return apiKeys.authenticate(new Credential.ApiKey(key.get(), null, credential.source()));
    }
    return subjects.lookup(certificate).map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
        ErrorCode.UNAUTHORIZED.toException("Authentication failed: the client certificate's subject "
            + certificate.getSubjectX500Principal().getName() + " is not mapped to a principal.")));
  }
}
