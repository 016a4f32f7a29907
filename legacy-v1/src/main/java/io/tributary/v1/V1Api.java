package io.tributary.v1;

import io.tributary.http.ApiModule;
import io.tributary.http.RouteContext;
import io.vertx.ext.web.Router;

/**
 * Legacy v1 (Confluent kafka-rest ≤5.5): metadata, produce, simple partition reads and high-level consumer
 * instances. Routes and DTOs only; every operation goes to an engine over the event bus.
 */
public final class V1Api implements ApiModule {
  @Override
  public void mount(Router router, RouteContext deps) {
    new V1MetadataRoutes(deps).mount(router);
    new V1ProduceRoutes(deps).mount(router);
    new V1SimpleConsumerRoutes(deps).mount(router);
    new V1ConsumerRoutes(deps).mount(router);
  }
}
