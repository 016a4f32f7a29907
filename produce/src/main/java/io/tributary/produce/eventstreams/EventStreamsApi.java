package io.tributary.produce.eventstreams;

import io.tributary.http.ApiModule;
import io.tributary.http.RouteContext;
import io.vertx.ext.web.Router;

/**
 * IBM Event Streams' REST producer: {@code POST /topics/{topic}/records}, one raw record per request. Its path is
 * its own (v1/v2 produce to {@code /topics/{topic}} and {@code …/partitions/{p}}), so it never declines a request to
 * another generation.
 */
public final class EventStreamsApi implements ApiModule {
  @Override
  public void mount(Router router, RouteContext deps) {
    router.post("/topics/:topic/records").handler(new EventStreamsProduceRoute(deps)::handle);
  }
}
