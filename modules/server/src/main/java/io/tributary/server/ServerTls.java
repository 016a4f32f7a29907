package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKey;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * What https:// listeners need, loaded once at start-up from Confluent's key names: the server's key and chain
 * ({@code ssl.keystore.*}, {@code ssl.key.password}; JKS, PKCS12 or PEM), the CAs whose client certificates are
 * accepted ({@code ssl.truststore.*}, plus the client-auth CA of certificates with embedded API keys), and
 * {@code ssl.client.authentication}. A file that cannot be read stops start-up with a message naming its key.
 */
final class ServerTls {
  private final KeyManagerFactory keys;
  private final TrustManagerFactory trust;
  private final ClientAuth clientAuth;
  private final List<String> protocols;
  private final List<String> cipherSuites;

  private ServerTls(KeyManagerFactory keys, TrustManagerFactory trust, ClientAuth clientAuth, List<String> protocols,
      List<String> cipherSuites) {
    this.keys = keys;
    this.trust = trust;
    this.clientAuth = clientAuth;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
  }

  /** @param clientAuthCa the client-auth CA to trust besides the trust store, or null */
  static ServerTls load(TributaryConfig config, X509Certificate clientAuthCa) {
    KeyManagerFactory keys = keyManagers(config);
    ClientAuth clientAuth = switch (clientAuthentication(config)) {
      case "REQUIRED" -> ClientAuth.REQUIRED;
      case "REQUESTED" -> ClientAuth.REQUEST;
      default -> ClientAuth.NONE;
    };
    TrustManagerFactory trust = clientAuth == ClientAuth.NONE ? null : trustManagers(config, clientAuthCa);
    return new ServerTls(keys, trust, clientAuth, config.list(ConfigKeys.SSL_ENABLED_PROTOCOLS),
        config.list(ConfigKeys.SSL_CIPHER_SUITES));
  }

  /**
   * The effective {@code ssl.client.authentication}: when that key is not set, the older boolean
   * {@code ssl.client.auth=true} (still common in kafka-rest.properties files) means REQUIRED, as in rest-utils.
   */
  static String clientAuthentication(TributaryConfig config) {
    if (config.raw(ConfigKeys.SSL_CLIENT_AUTHENTICATION.name()) == null && config.get(ConfigKeys.SSL_CLIENT_AUTH)) {
      return "REQUIRED";
    }
    return config.get(ConfigKeys.SSL_CLIENT_AUTHENTICATION);
  }

  /** Turns plain options into those of an https:// listener. */
  HttpServerOptions apply(HttpServerOptions options) {
    options.setSsl(true).setKeyCertOptions(KeyCertOptions.wrap(keys)).setClientAuth(clientAuth);
    if (trust != null) {
      options.setTrustOptions(TrustOptions.wrap(trust));
    }
    if (!protocols.isEmpty()) {
      options.setEnabledSecureTransportProtocols(new LinkedHashSet<>(protocols));
    }
    cipherSuites.forEach(options::addEnabledCipherSuite);
    return options;
  }

  private static KeyManagerFactory keyManagers(TributaryConfig config) {
    String storePassword = config.get(ConfigKeys.SSL_KEYSTORE_PASSWORD);
    String keyPassword = config.get(ConfigKeys.SSL_KEY_PASSWORD);
    char[] password = (keyPassword.isEmpty() ? storePassword : keyPassword).toCharArray();
    try {
      KeyStore store = "PEM".equals(config.get(ConfigKeys.SSL_KEYSTORE_TYPE))
          ? pemKeyStore(Path.of(config.get(ConfigKeys.SSL_KEYSTORE_LOCATION)), keyPassword, password)
          : load(config, ConfigKeys.SSL_KEYSTORE_LOCATION, ConfigKeys.SSL_KEYSTORE_TYPE, storePassword);
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(ConfigKeys.SSL_KEYSTORE_LOCATION.name(), "cannot load the server key from "
          + config.get(ConfigKeys.SSL_KEYSTORE_LOCATION) + ": " + reason(e));
    }
  }

  private static TrustManagerFactory trustManagers(TributaryConfig config, X509Certificate clientAuthCa) {
    try {
      KeyStore trusted = emptyStore();
      List<Certificate> certificates = new ArrayList<>();
      String location = config.get(ConfigKeys.SSL_TRUSTSTORE_LOCATION);
      if (!location.isBlank()) {
        if ("PEM".equals(config.get(ConfigKeys.SSL_TRUSTSTORE_TYPE))) {
          certificates.addAll(Pem.certificates(Path.of(location)));
        } else {
          KeyStore store = load(config, ConfigKeys.SSL_TRUSTSTORE_LOCATION, ConfigKeys.SSL_TRUSTSTORE_TYPE,
              config.get(ConfigKeys.SSL_TRUSTSTORE_PASSWORD));
          for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias)) {
              certificates.add(store.getCertificate(alias));
            }
          }
        }
        if (certificates.isEmpty()) {
          throw new GeneralSecurityException("it holds no trusted certificate");
        }
      }
      if (clientAuthCa != null) {
        certificates.add(clientAuthCa);
      }
      for (int i = 0; i < certificates.size(); i++) {
        trusted.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      return factory;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(ConfigKeys.SSL_TRUSTSTORE_LOCATION.name(), "cannot load trusted certificates from "
          + config.get(ConfigKeys.SSL_TRUSTSTORE_LOCATION) + ": " + reason(e));
    }
  }

  private static KeyStore load(TributaryConfig config, ConfigKey<String> location, ConfigKey<String> type,
      String password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(config.get(type));
    try (InputStream in = Files.newInputStream(Path.of(config.get(location)))) {
      store.load(in, password.isEmpty() ? null : password.toCharArray());
    }
    return store;
  }

  /** A PEM file holding the private key and its certificate chain, as an in-memory key store. */
  private static KeyStore pemKeyStore(Path file, String keyPassword, char[] entryPassword)
      throws IOException, GeneralSecurityException {
    PrivateKey key = Pem.privateKey(file, keyPassword);
    List<X509Certificate> chain = Pem.certificates(file);
    if (chain.isEmpty()) {
      throw new GeneralSecurityException("no certificate found next to the key");
    }
    KeyStore store = emptyStore();
    store.setKeyEntry("server", key, entryPassword, chain.toArray(new Certificate[0]));
    return store;
  }

  private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static String reason(Exception e) {
    // Messages of key store failures name files and formats, never passwords.
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
