package io.tributary.v1;

import io.tributary.http.RouteContext;
import io.vertx.ext.web.Router;

/** STUB: being written. */
final class V1ConsumerRoutes {
  private final RouteContext deps;

  V1ConsumerRoutes(RouteContext deps) {
    this.deps = deps;
  }

  void mount(Router router) {}
}
