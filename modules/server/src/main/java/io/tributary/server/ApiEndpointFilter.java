package io.tributary.server;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.http.error.FailureHandler;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code api.endpoints.allowlist} and {@code api.endpoints.blocklist} as in kafka-rest 7.x: a v2 or v3 endpoint
 * whose name or group ({@link ApiEndpointNames}) is blocked, or is missing from a non-empty allowlist, answers as if
 * it did not exist: 404 to a GET, 405 to any other method (what Confluent's proxy answers). v1 and the Event Streams
 * producer have no endpoint names and are never filtered.
 */
final class ApiEndpointFilter implements Handler<RoutingContext> {
  private final Set<String> allow;
  private final Set<String> block;
  private final boolean v2ByDefault;
  private final FailureHandler failures;

  private ApiEndpointFilter(Set<String> allow, Set<String> block, boolean v2ByDefault, FailureHandler failures) {
    this.allow = allow;
    this.block = block;
    this.v2ByDefault = v2ByDefault;
    this.failures = failures;
  }

  /** The filter, when either list is set. */
  static Optional<ApiEndpointFilter> fromConfig(TributaryConfig config, FailureHandler failures) {
    Set<String> allow = Set.copyOf(config.list(ConfigKeys.API_ENDPOINTS_ALLOWLIST));
    Set<String> block = Set.copyOf(config.list(ConfigKeys.API_ENDPOINTS_BLOCKLIST));
    if (allow.isEmpty() && block.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ApiEndpointFilter(allow, block,
        "v2".equals(config.get(ConfigKeys.API_DEFAULT_VERSION)), failures));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<ApiEndpointNames.Name> name = nameOf(ctx.request());
    if (name.isPresent() && blocked(name.get())) {
      failures.unmatched(ctx, ctx.request().method() == HttpMethod.GET ? 404 : 405);
    } else {
      ctx.next();
    }
  }

  boolean blocked(ApiEndpointNames.Name name) {
    boolean allowed = allow.isEmpty() || allow.contains(name.group()) || allow.contains(name.endpoint());
    return !allowed || block.contains(name.group()) || block.contains(name.endpoint());
  }

  private Optional<ApiEndpointNames.Name> nameOf(HttpServerRequest request) {
    String path = request.path();
    if (path.startsWith("/v3") || path.startsWith("/kafka/v3")) {
      return ApiEndpointNames.v3(request.method(), path);
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return isV2(contentType, accept) ? ApiEndpointNames.v2(request.method(), path, contentType, accept)
        : Optional.empty();
  }

  /** v1 and v2 share paths: a versioned media type says which one a request is for, else api.default.version. */
  private boolean isV2(String contentType, String accept) {
    String types = ((contentType == null ? "" : contentType) + " " + (accept == null ? "" : accept))
        .toLowerCase(Locale.ROOT);
    if (types.contains(".v2+json")) {
      return true;
    }
    return !types.contains(".v1+json") && v2ByDefault;
  }
}
