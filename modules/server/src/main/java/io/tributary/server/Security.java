package io.tributary.server;

import io.tributary.core.auth.Grant;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.http.auth.AccessDocument;
import io.tributary.http.auth.ApiKeyAuthenticator;
import io.tributary.http.auth.ApiKeyHeaderExtractor;
import io.tributary.http.auth.ApiKeyStore;
import io.tributary.http.auth.AuthHandler;
import io.tributary.http.auth.Authenticator;
import io.tributary.http.auth.BasicExtractor;
import io.tributary.http.auth.BasicUserAuthenticator;
import io.tributary.http.auth.BasicUserPermissions;
import io.tributary.http.auth.BearerExtractor;
import io.tributary.http.auth.CertificateSubjects;
import io.tributary.http.auth.ClientCertificateAuthenticator;
import io.tributary.http.auth.ClientCertificateExtractor;
import io.tributary.http.auth.CredentialExtractor;
import io.tributary.http.auth.EmbeddedApiKeys;
import io.tributary.http.auth.JwtAuthenticator;
import io.tributary.http.auth.JwtKeys;
import io.tributary.http.auth.PasswordFile;
import io.tributary.http.auth.PermitSource;
import io.tributary.http.auth.RateLimitHandler;
import io.tributary.http.auth.RateLimiter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security settings, read and checked once at start-up (a bad file stops the server, naming its key): API keys
 * and certificate subjects ({@code auth.api.keys.file}), JWT keys ({@code auth.jwt.*}), the client-auth CA
 * ({@code auth.clientauth.*}), TLS ({@code ssl.*}) and the rate limit ({@code rate.limit.*}). Authentication is on
 * as soon as any credential source is configured.
 */
final class Security {
  private static final Logger LOG = LoggerFactory.getLogger(Security.class);

  /** What every HTTP verticle shares: all of it thread-safe. {@code rateLimit} and {@code tls} may be null. */
  record HttpSecurity(AuthHandler auth, RateLimitHandler rateLimit, ServerTls tls) {}

  private final TributaryConfig config;
  private final ApiKeyStore keys;
  private final CertificateSubjects subjects;
  private final EmbeddedApiKeys embedded;
  private final JWTAuthOptions jwt;
  private final ServerTls tls;
  /** authentication.method=BASIC: the realm's users and their narrower permissions; null otherwise. */
  private final BasicUsers basicUsers;

  private record BasicUsers(PasswordFile file, Map<String, List<Grant>> narrowed) {}

  private Security(TributaryConfig config, ApiKeyStore keys, CertificateSubjects subjects, EmbeddedApiKeys embedded,
      JWTAuthOptions jwt, ServerTls tls, BasicUsers basicUsers) {
    this.config = config;
    this.keys = keys;
    this.subjects = subjects;
    this.embedded = embedded;
    this.jwt = jwt;
    this.tls = tls;
    this.basicUsers = basicUsers;
  }

  static Security load(TributaryConfig config) {
    String keyFile = config.get(ConfigKeys.AUTH_API_KEYS_FILE);
    ApiKeyStore keys = null;
    CertificateSubjects subjects = CertificateSubjects.none();
    JsonObject document = null;
    if (!keyFile.isBlank()) {
      document = AccessDocument.read(Path.of(keyFile));
      keys = ApiKeyStore.parse(document);
      subjects = CertificateSubjects.parse(document);
    }
    ClientAuthCa ca = ClientAuthCa.fromConfig(config).orElse(null);
    EmbeddedApiKeys embedded = ca == null ? null : ca.embeddedApiKeys(config);
    List<Path> pems = config.list(ConfigKeys.AUTH_JWT_PUBLIC_KEYS).stream().map(Path::of).toList();
    String jwks = config.get(ConfigKeys.AUTH_JWT_JWKS_FILE);
    JWTAuthOptions jwt = pems.isEmpty() && jwks.isBlank() ? null : JwtKeys.load(pems,
        jwks.isBlank() ? null : Path.of(jwks), config.get(ConfigKeys.AUTH_JWT_ISSUER),
        config.get(ConfigKeys.AUTH_JWT_AUDIENCE), config.get(ConfigKeys.AUTH_JWT_LEEWAY_SECONDS));
    boolean https = config.list(ConfigKeys.LISTENERS).stream()
        .anyMatch(l -> "https".equalsIgnoreCase(URI.create(l).getScheme()));
    ServerTls tls = https ? ServerTls.load(config, ca == null ? null : ca.certificate()) : null;
    BasicUsers basicUsers = !"BASIC".equals(config.get(ConfigKeys.AUTHENTICATION_METHOD)) ? null
        : new BasicUsers(PasswordFile.read(JaasRealm.passwordFile(config), ConfigKeys.AUTHENTICATION_REALM.name()),
            document == null ? Map.of() : BasicUserPermissions.parse(document));
    Security security = new Security(config, keys, subjects, embedded, jwt, tls, basicUsers);
    security.logSummary(ca);
    return security;
  }

  /** The handlers for the HTTP verticles; JWT checking needs the Vert.x instance. */
  HttpSecurity forHttp(Vertx vertx) {
    return forHttp(vertx, null);
  }

  /** As {@link #forHttp(Vertx)}; {@code clusterPermits}, when not null, counts the rate limit across the cluster. */
  HttpSecurity forHttp(Vertx vertx, PermitSource clusterPermits) {
    List<Authenticator> authenticators = new ArrayList<>();
    if (basicUsers != null) {
      // Ahead of the API keys, which also come as Basic credentials: it takes only the users of its file then.
      authenticators.add(new BasicUserAuthenticator(basicUsers.file(), config.list(ConfigKeys.AUTHENTICATION_ROLES),
          basicUsers.narrowed(), keys == null || keys.size() == 0));
    }
    Authenticator apiKeys = keys == null ? null : new ApiKeyAuthenticator(keys);
    if (apiKeys != null) {
      authenticators.add(apiKeys);
    }
    if (jwt != null) {
      authenticators.add(new JwtAuthenticator(JWTAuth.create(vertx, jwt),
          config.get(ConfigKeys.AUTH_JWT_PERMISSIONS_CLAIM), config.get(ConfigKeys.AUTH_JWT_LEEWAY_SECONDS)));
    }
    boolean certificates = subjects.size() > 0 || embedded != null;
    if (certificates) {
      authenticators.add(new ClientCertificateAuthenticator(subjects, embedded, apiKeys));
    }
    // Order of precedence: an explicit header wins over the connection's certificate.
    List<CredentialExtractor> extractors = new ArrayList<>(List.of(new BearerExtractor(jwt != null),
        new BasicExtractor(), new ApiKeyHeaderExtractor()));
    if (certificates) {
      extractors.add(new ClientCertificateExtractor());
    }
    String challenge = basicUsers == null ? null
        : "Basic realm=\"" + config.get(ConfigKeys.AUTHENTICATION_REALM).replace("\"", "") + "\"";
    AuthHandler auth = authenticators.isEmpty() ? AuthHandler.off()
        : new AuthHandler(extractors, authenticators, challenge);
    RateLimitHandler rateLimit = config.get(ConfigKeys.RATE_LIMIT_ENABLE)
        ? clusterPermits != null
            ? new RateLimitHandler(clusterPermits, config.get(ConfigKeys.RATE_LIMIT_TIMEOUT_MS))
            : new RateLimitHandler(new RateLimiter(config.get(ConfigKeys.RATE_LIMIT_PERMITS_PER_SEC)),
                config.get(ConfigKeys.RATE_LIMIT_TIMEOUT_MS))
        : null;
    return new HttpSecurity(auth, rateLimit, tls);
  }

  private void logSummary(ClientAuthCa ca) {
    List<String> sources = new ArrayList<>();
    if (keys != null) {
      sources.add(keys.size() + " API key(s) and " + subjects.size() + " certificate subject(s) from "
          + config.get(ConfigKeys.AUTH_API_KEYS_FILE));
    }
    if (basicUsers != null) {
      sources.add("HTTP Basic for " + basicUsers.file().size() + " user(s) of JAAS realm "
          + config.get(ConfigKeys.AUTHENTICATION_REALM) + " with role(s) " + config.get(ConfigKeys.AUTHENTICATION_ROLES));
    }
    if (jwt != null) {
      sources.add("JWTs signed by " + (jwt.getPubSecKeys().size() + jwt.getJwks().size()) + " key/algorithm pair(s)");
    }
    if (ca != null) {
      sources.add("client certificates with embedded API keys from " + ca.certificate().getSubjectX500Principal()
          .getName());
    }
    if (sources.isEmpty()) {
      LOG.warn("Authentication is OFF: no credential source (auth.api.keys.file, auth.jwt.*, auth.clientauth.*,"
          + " authentication.method=BASIC) is"
          + " configured, so every request is allowed");
    } else {
      LOG.info("Authentication is on: {}", String.join("; ", sources));
    }
    if (tls != null) {
      LOG.info("TLS: client certificates {}", ServerTls.clientAuthentication(config));
    }
  }
}
