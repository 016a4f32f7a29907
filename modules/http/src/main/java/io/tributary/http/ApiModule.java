package io.tributary.http;

import io.vertx.ext.web.Router;

/**
 * A generation's HTTP surface. The server mounts every module on each HTTP verticle's router; modules that share
 * paths (v1 and v2) decline requests whose media types are not theirs by calling {@code ctx.next()}.
 */
public interface ApiModule {
  void mount(Router router, RouteContext deps);

  /**
   * Handlers that must run before authentication, mounted ahead of it: e.g. choosing the error shape for a
   * generation's own paths, so that even a 401 is rendered the generation's way. Nothing by default.
   */
  default void mountBeforeAuth(Router router, RouteContext deps) {}
}
