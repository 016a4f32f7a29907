package io.tributary.produce.v3;

import io.tributary.http.ApiModule;
import io.tributary.http.RouteContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * v3 produce (Confluent kafka-rest 6.2+): streaming {@code POST /v3/clusters/{c}/topics/{t}/records} and
 * {@code POST …/records:batch}, also under {@code /kafka/v3}. Records go to the produce engine over the event bus
 * one by one; receipts follow in input order.
 */
public final class V3ProduceApi implements ApiModule {
  @Override
  public void mount(Router router, RouteContext deps) {
    new V3ProduceRoutes(deps).mount(router);
  }

  @Override
  public boolean streamsBody(RoutingContext ctx) {
    return ctx.request().method() == HttpMethod.POST && V3ProducePaths.isStreaming(ctx.normalizedPath());
  }
}
