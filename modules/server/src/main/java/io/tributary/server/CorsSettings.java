package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CORS with rest-utils' keys: {@code access.control.allow.origin} (comma-separated; {@code *} anywhere in an
 * origin matches any run of characters, so {@code *} alone allows every origin; empty turns CORS off),
 * {@code access.control.allow.methods} and {@code access.control.allow.headers}, with the defaults of the Jetty
 * filter Confluent's proxy uses. Vert.x Web's {@link CorsHandler} answers preflights and adds the headers;
 * the allowed origin is echoed, and credentials (Basic, cookies) are allowed, as that filter does.
 */
final class CorsSettings {
  static final List<String> DEFAULT_METHODS = List.of("GET", "POST", "HEAD");
  static final List<String> DEFAULT_HEADERS = List.of("X-Requested-With", "Content-Type", "Accept", "Origin");

  private CorsSettings() {}

  /**
   * The handler, or empty when CORS is off. A request from an origin that is not allowed is served without CORS
   * headers (the browser then withholds the answer), as Jetty's filter does, rather than refused the way
   * {@link CorsHandler} alone would: clients that are not browsers may send any Origin.
   */
  static Optional<Handler<RoutingContext>> fromConfig(TributaryConfig config) {
    List<String> origins = config.list(ConfigKeys.ACCESS_CONTROL_ALLOW_ORIGIN);
    if (origins.isEmpty()) {
      return Optional.empty();
    }
    CorsHandler cors = CorsHandler.create().allowCredentials(true);
    List<Pattern> allowed = new ArrayList<>();
    for (String origin : origins) {
      cors.addOriginWithRegex(toRegex(origin));
      allowed.add(Pattern.compile(toRegex(origin)));
    }
    List<String> methods = config.list(ConfigKeys.ACCESS_CONTROL_ALLOW_METHODS);
    Set<HttpMethod> allowedMethods = new LinkedHashSet<>();
    for (String method : methods.isEmpty() ? DEFAULT_METHODS : methods) {
      allowedMethods.add(method(method));
    }
    cors.allowedMethods(allowedMethods);
    List<String> headers = config.list(ConfigKeys.ACCESS_CONTROL_ALLOW_HEADERS);
    cors.allowedHeaders(new LinkedHashSet<>(headers.isEmpty() ? DEFAULT_HEADERS : headers));
    return Optional.of(ctx -> {
      String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
      if (origin != null && allowed.stream().anyMatch(p -> p.matcher(origin).matches())) {
        cors.handle(ctx);
      } else {
        ctx.next();
      }
    });
  }

  /** An origin pattern as a regular expression: {@code *} is any run of characters, everything else literal. */
  static String toRegex(String origin) {
    StringBuilder regex = new StringBuilder();
    String[] literals = origin.split("\\*", -1);
    for (int i = 0; i < literals.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      if (!literals[i].isEmpty()) {
        regex.append(Pattern.quote(literals[i]));
      }
    }
    return regex.toString();
  }

  private static HttpMethod method(String name) {
    String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
    if (!upper.matches("[A-Z]+")) {
      throw new ConfigException(ConfigKeys.ACCESS_CONTROL_ALLOW_METHODS.name(), "'" + name + "' is not an HTTP method");
    }
    return HttpMethod.valueOf(upper);
  }
}
