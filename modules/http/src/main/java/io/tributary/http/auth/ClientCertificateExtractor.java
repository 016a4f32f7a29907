package io.tributary.http.auth;

import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The certificate a client presented in the TLS handshake. The handshake has already checked it against the trust
 * store (ssl.truststore.* and the client-auth CA); only a verified leaf reaches this point.
 */
public final class ClientCertificateExtractor implements CredentialExtractor {
  @Override
  public Optional<Credential> extract(HttpServerRequest request) {
    SSLSession session = request.sslSession();
    if (session == null) {
      return Optional.empty();
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
        return Optional.of(new Credential.ClientCertificate(leaf));
      }
    } catch (SSLPeerUnverifiedException noCertificate) {
      // The client was asked (REQUESTED) and sent none: other credentials may still follow.
    }
    return Optional.empty();
  }
}
