package io.tributary.http.auth;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/** Finds one kind of credential in a request: one implementation per place a credential can be. */
public interface CredentialExtractor {
  /**
   * The credential in this extractor's place, or empty when the request carries none there.
   *
   * @throws io.tributary.core.error.TributaryException 401 when something is there but malformed
   */
  Optional<Credential> extract(HttpServerRequest request);
}
