package io.tributary.consumer.v2;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.error.TributaryException;
import io.tributary.http.Responses;
import io.tributary.http.consumer.ConsumerRefs;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What every v2 consumer endpoint without records does first: claim the request for v2 (or decline it), then run,
 * with failures going to the one failure handler.
 */
final class V2Route {
  private V2Route() {}

  /** @param work gets the request and the negotiated response Content-Type; may throw TributaryException */
  static Handler<RoutingContext> of(V2ConsumerMedia.Body body, V2ConsumerMedia.Path path,
      BiConsumer<RoutingContext, String> work) {
    return ctx -> {
      Optional<String> type = V2ConsumerMedia.claim(ctx, V2ConsumerMedia.RESPONSES, body, path);
      if (type.isEmpty()) {
        return;
      }
      try {
        work.accept(ctx, type.get());
      } catch (TributaryException e) {
        ctx.fail(e);
      }
    };
  }

  /** Answers 204 once the engine has done the operation. */
  static void noContent(RoutingContext ctx, Future<?> operation) {
    operation.onSuccess(ignored -> Responses.noContent(ctx)).onFailure(ctx::fail);
  }

  static ConsumerRef ref(RoutingContext ctx) {
    return ConsumerRefs.fromPath(ctx);
  }
}
