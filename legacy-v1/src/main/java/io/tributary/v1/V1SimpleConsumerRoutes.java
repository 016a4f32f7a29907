package io.tributary.v1;

import io.tributary.core.auth.Operation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.FetchPartition;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.formats.ConsumedRecordsDecoder;
import io.tributary.formats.FormatConverter;
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * v1's simple consumer: {@code GET /topics/{topic}/partitions/{partition}/messages?offset=N[&count=M]} or
 * {@code ?timestamp=…}, a read of one partition with no group and no commit; Accept picks binary, json or avro (decoded
 * by the format converters). Stateless, so nothing needs handing back when a record cannot be shown.
 */
final class V1SimpleConsumerRoutes {
  private final RouteContext deps;
  private final FormatConverter converter;

  V1SimpleConsumerRoutes(RouteContext deps) {
    this.deps = deps;
    this.converter = FormatConverter.over(deps.bus()::request);
  }

  void mount(Router router) {
    router.get("/topics/:topic/partitions/:partition/messages").handler(this::read);
  }

  private void read(RoutingContext ctx) {
    Optional<V1ConsumerMedia.ReadType> type = V1MediaTypes.negotiate(ctx, V1ConsumerMedia.READS);
    if (type.isEmpty()) {
      return;
    }
    try {
      String topic = ctx.pathParam("topic");
      Access.require(ctx, Operation.CONSUME, topic);
      FetchPartition request = V1FetchQuery.parse(ctx, topic, partition(ctx));
      deps.bus().request(ConsumerOps.FETCH_PARTITION, request)
          .compose(result -> ConsumedRecordsDecoder.decode(result.records(), type.get().format(), converter))
          .onSuccess(decoded -> Responses.json(ctx, 200, type.get().contentType(), V1ConsumedRecords.render(decoded)))
          .onFailure(ctx::fail);
    } catch (TributaryException e) {
      ctx.fail(e);
    }
  }

  /** A partition that is not a number cannot exist. */
  private static int partition(RoutingContext ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("partition"));
    } catch (NumberFormatException e) {
      throw ErrorCode.PARTITION_NOT_FOUND.toException();
    }
  }
}
