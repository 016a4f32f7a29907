package io.tributary.produce.eventstreams;

import io.tributary.http.ApiModule;
import io.tributary.http.RouteContext;
import io.tributary.http.error.EventStreamsErrorRenderer;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.route.Generation;
import io.tributary.http.route.RouteKernel;
import io.vertx.ext.web.Router;

/**
 * IBM Event Streams' REST producer: {@code POST /topics/{topic}/records}, one raw record per request. Its path is
 * its own (v1/v2 produce to {@code /topics/{topic}} and {@code …/partitions/{p}}), so it never declines a request to
 * another generation.
 */
public final class EventStreamsApi implements ApiModule {
  private static final String PATH = "/topics/:topic/records";
  private static final RouteKernel KERNEL = new RouteKernel(Generation.of(EventStreamsErrorRenderer.INSTANCE));

  @Override
  public void mountBeforeAuth(Router router, RouteContext deps) {
    // The path alone says this is the Event Streams producer: a refused credential is answered in its shape at once.
    router.post(PATH).handler(ctx -> {
      EventStreamsErrorRenderer.INSTANCE.use(ctx);
      ctx.next();
    });
  }

  @Override
  public void mount(Router router, RouteContext deps) {
    EventStreamsProduceRoute route = new EventStreamsProduceRoute(deps);
    KERNEL.at(router.post(PATH))
        .answersIn(KafkaMediaTypes.JSON)
        .requires(route.permission())
        .handles(route::produce);
  }
}
