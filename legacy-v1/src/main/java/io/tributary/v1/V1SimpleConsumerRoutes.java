package io.tributary.v1;

import io.tributary.core.auth.Operation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.FetchPartition;
import io.tributary.core.error.ErrorCode;
import io.tributary.formats.ConsumedRecordsDecoder;
import io.tributary.formats.FormatConverter;
import io.tributary.http.RouteContext;
import io.tributary.http.route.Call;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;

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
    V1MediaTypes.KERNEL.at(router.get("/topics/:topic/partitions/:partition/messages"))
        .produces(V1ConsumerMedia.READS)
        .requires(Permission.onTopic(Operation.CONSUME, "topic"))
        .handles(this::read);
  }

  private Future<Reply<JsonArray>> read(Call<Void, V1ConsumerMedia.ReadType> call) {
    FetchPartition request = V1FetchQuery.parse(call.ctx(), call.path("topic"), partition(call.path("partition")));
    return deps.bus().request(ConsumerOps.FETCH_PARTITION, request)
        .compose(result -> ConsumedRecordsDecoder.decode(result.records(), call.responseType().format(), converter))
        .map(decoded -> Reply.ok(V1ConsumedRecords.render(decoded)));
  }

  /** A partition that is not a number cannot exist. */
  private static int partition(String raw) {
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ErrorCode.PARTITION_NOT_FOUND.toException();
    }
  }
}
