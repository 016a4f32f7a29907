package io.tributary.http;

import io.vertx.ext.web.Router;

/**
 * A generation's HTTP surface. The server mounts every module on each HTTP verticle's router; modules that share
 * paths (v1 and v2) decline requests whose media types are not theirs by calling {@code ctx.next()}.
 */
public interface ApiModule {
  void mount(Router router, RouteContext deps);
}
