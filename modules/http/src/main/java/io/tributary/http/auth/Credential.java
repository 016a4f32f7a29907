package io.tributary.http.auth;

import java.security.cert.X509Certificate;

/**
 * What a request presents to prove who it acts for. A {@link CredentialExtractor} finds it, an {@link Authenticator}
 * checks it. {@code toString} never shows a secret, so a credential may appear in a log line.
 */
public sealed interface Credential {
  /** Where the credential came from, for audit lines: {@code X-Auth-Token}, {@code Basic}, … */
  String source();

  /**
   * An API key: from {@code X-Auth-Token}, {@code Authorization: Bearer}, the password of {@code Authorization:
   * Basic}, or recovered from a client certificate.
   *
   * @param user the Basic user name (the key's principal, or {@code token} as IBM Cloud clients send), else null
   */
  record ApiKey(String key, String user, String source) implements Credential {
    @Override
    public String toString() {
      // A Basic credential may also be a user's password (authentication.method=BASIC): say only where it came from.
      return "Basic".equals(source) ? "Basic credentials" : "API key from " + source;
    }
  }

  /** A compact JWS from {@code Authorization: Bearer}. */
  record Jwt(String token) implements Credential {
    @Override
    public String source() {
      return "Bearer JWT";
    }

    @Override
    public String toString() {
      return "JWT from Authorization: Bearer";
    }
  }

  /** The client certificate of a TLS connection, already verified against the trust store by the handshake. */
  record ClientCertificate(X509Certificate certificate) implements Credential {
    @Override
    public String source() {
      return "client certificate";
    }

    @Override
    public String toString() {
      return "client certificate " + certificate.getSubjectX500Principal().getName();
    }
  }
}
