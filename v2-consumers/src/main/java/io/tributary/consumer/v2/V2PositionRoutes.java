package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.TYPE_OPTIONAL;

import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.PartitionOffset;
import io.tributary.core.consumer.PartitionRef;
import io.tributary.core.consumer.PartitionTimestamp;
import io.tributary.core.consumer.Seek;
import io.tributary.core.consumer.SeekToEdge;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.JsonBodies;
import io.tributary.http.RouteContext;
import io.tributary.http.route.Call;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** Moving an instance's read positions: to offsets, to times, to the beginning or the end. */
final class V2PositionRoutes {
  private static final String POSITIONS = "/consumers/:group/instances/:instance/positions";

  private final RouteContext deps;

  V2PositionRoutes(RouteContext deps) {
    this.deps = deps;
  }

  void mount(Router router) {
    V2Route.v2Only(router.post(POSITIONS), TYPE_OPTIONAL).handles(this::seek);
    V2Route.v2Only(router.post(POSITIONS + "/beginning"), TYPE_OPTIONAL)
        .handles(call -> seekToEdge(call.ctx(), SeekToEdge.Edge.BEGINNING));
    V2Route.v2Only(router.post(POSITIONS + "/end"), TYPE_OPTIONAL)
        .handles(call -> seekToEdge(call.ctx(), SeekToEdge.Edge.END));
  }

  /** {@code offsets} and {@code timestamps} (CP 6.1+), either or both; a partition in both ends at the time. */
  private Future<Reply<Object>> seek(Call<String, String> call) {
    RoutingContext ctx = call.ctx();
    JsonObject body = JsonBodies.object(ctx);
    V2Bodies.onlyFields(body, Set.of("offsets", "timestamps"));
    List<PartitionOffset> offsets = orEmpty(V2Bodies.offsets(body, "offsets"));
    List<PartitionTimestamp> timestamps = orEmpty(V2Bodies.timestamps(body, "timestamps"));
    for (PartitionOffset o : offsets) {
      if (o.offset() < 0) {
        throw ErrorCode.UNPROCESSABLE_ENTITY.toException(
            "Field 'offset' in 'offsets' must be 0 or more, not " + o.offset() + ".");
      }
    }
    TopicAccess.requireConsume(ctx, Stream.concat(offsets.stream().map(PartitionOffset::topic),
        timestamps.stream().map(PartitionTimestamp::topic)).toList());
    return V2Route.noContent(deps.bus().request(ConsumerOps.SEEK,
        new Seek(V2Route.ref(ctx), offsets, timestamps)));
  }

  private Future<Reply<Object>> seekToEdge(RoutingContext ctx, SeekToEdge.Edge edge) {
    JsonObject body = JsonBodies.object(ctx);
    V2Bodies.onlyFields(body, Set.of("partitions"));
    List<PartitionRef> partitions = V2Bodies.partitions(body, "partitions");
    if (partitions == null) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Field 'partitions' is required.");
    }
    TopicAccess.requireConsume(ctx, partitions.stream().map(PartitionRef::topic).toList());
    return V2Route.noContent(deps.bus().request(ConsumerOps.SEEK_EDGE,
        new SeekToEdge(V2Route.ref(ctx), partitions, edge)));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return Objects.requireNonNullElseGet(list, ArrayList::new);
  }
}
