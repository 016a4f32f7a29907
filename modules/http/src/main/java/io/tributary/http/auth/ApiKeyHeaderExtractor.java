package io.tributary.http.auth;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/** {@code X-Auth-Token: <api key>}: Message Hub's and IBM Cloud's legacy header, and v1's. */
public final class ApiKeyHeaderExtractor implements CredentialExtractor {
  public static final String HEADER = "X-Auth-Token";

  @Override
  public Optional<Credential> extract(HttpServerRequest request) {
    String key = request.getHeader(HEADER);
    return key == null ? Optional.empty() : Optional.of(new Credential.ApiKey(key.trim(), null, HEADER));
  }
}
