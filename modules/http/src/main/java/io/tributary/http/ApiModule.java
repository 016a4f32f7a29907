package io.tributary.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A generation's HTTP surface. The server mounts every module on each HTTP verticle's router; modules that share
 * paths (v1 and v2) decline requests whose media types are not theirs by calling {@code ctx.next()}.
 */
public interface ApiModule {
  void mount(Router router, RouteContext deps);

  /**
   * Whether this module reads the body of {@code request} itself, as it arrives (a streaming endpoint). The server
   * then does not buffer the body first: the route finds the request paused, sets its handlers and resumes it. No
   * request by default. Decide by {@link RoutingContext#normalizedPath()}, the path the router matches routes by
   * ({@code /v3//clusters/…/./records} is a streaming request too).
   */
  default boolean streamsBody(RoutingContext ctx) {
    return false;
  }

  /**
   * Handlers that must run before authentication, mounted ahead of it: e.g. choosing the error shape for a
   * generation's own paths, so that even a 401 is rendered the generation's way. Nothing by default.
   */
  default void mountBeforeAuth(Router router, RouteContext deps) {}
}
