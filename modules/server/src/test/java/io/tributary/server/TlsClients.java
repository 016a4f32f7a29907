package io.tributary.server;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * JDK HTTP clients for https:// tests: trusting a test CA, and optionally presenting a client certificate. The
 * certificate is presented whatever CAs the server names, as curl does, so that a certificate from a foreign CA
 * really reaches the server's check.
 */
final class TlsClients {
  private TlsClients() {}

  static HttpClient trusting(X509Certificate ca) {
    return build(ca, null, null);
  }

  static HttpClient withCertificate(X509Certificate ca, PrivateKey key, X509Certificate... chain) {
    return build(ca, key, chain);
  }

  private static HttpClient build(X509Certificate ca, PrivateKey key, X509Certificate[] chain) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(key == null ? null : new KeyManager[] {new AlwaysPresent(key, chain)},
          tmf.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key manager with one client identity that it offers to every server. */
  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    AlwaysPresent(PrivateKey key, X509Certificate[] chain) {
      this.key = key;
      this.chain = chain;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return ALIAS;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return chain;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return key;
    }
  }
}
