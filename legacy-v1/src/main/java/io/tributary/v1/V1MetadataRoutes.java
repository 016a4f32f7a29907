package io.tributary.v1;

import io.tributary.http.RouteContext;
import io.vertx.ext.web.Router;

/** STUB: being written. */
final class V1MetadataRoutes {
  private final RouteContext deps;

  V1MetadataRoutes(RouteContext deps) {
    this.deps = deps;
  }

  void mount(Router router) {}
}
