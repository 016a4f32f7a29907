package io.tributary.consumer.v2;

import io.tributary.http.ApiModule;
import io.tributary.http.RouteContext;
import io.vertx.ext.web.Router;

/**
 * Confluent v2 consumer instances (kafka-rest 3.2+): create and delete, subscription or assignment, positions,
 * long-poll record reads, commits and committed offsets. Routes only; every operation goes to the consumer engine
 * over the event bus, which also serves v1, so an instance is the same whichever generation addresses it.
 */
public final class V2ConsumerApi implements ApiModule {
  @Override
  public void mount(Router router, RouteContext deps) {
    new V2InstanceRoutes(deps).mount(router);
    new V2SubscriptionRoutes(deps).mount(router);
    new V2PositionRoutes(deps).mount(router);
    new V2RecordsRead(deps).mount(router);
  }
}
