package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.TYPE_OPTIONAL;
import static io.tributary.consumer.v2.V2ConsumerMedia.TYPE_REQUIRED;

import io.tributary.core.auth.Operation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.core.consumer.GetCommittedOffsets;
import io.tributary.core.consumer.PartitionOffset;
import io.tributary.core.consumer.PartitionRef;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.JsonBodies;
import io.tributary.http.RouteContext;
import io.tributary.http.consumer.ConsumerRefs;
import io.tributary.http.consumer.CreatedInstance;
import io.tributary.http.route.Call;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/** v2 consumer instances as a whole: create, delete, commit offsets, and read the group's committed offsets. */
final class V2InstanceRoutes {
  private static final String INSTANCE = "/consumers/:group/instances/:instance";

  private final RouteContext deps;

  V2InstanceRoutes(RouteContext deps) {
    this.deps = deps;
  }

  void mount(Router router) {
    // Instances are not tied to topics yet; a principal that may consume nothing has no use for one.
    V2Route.sharedWithV1(router.post("/consumers/:group"), TYPE_OPTIONAL)
        .requires(Permission.onAnyTopic(Operation.CONSUME)).handles(this::create);
    V2Route.sharedWithV1(router.delete(INSTANCE), TYPE_OPTIONAL).handles(this::delete);
    V2Route.sharedWithV1(router.post(INSTANCE + "/offsets"), TYPE_OPTIONAL).handles(this::commit);
    V2Route.v2Only(router.get(INSTANCE + "/offsets"), TYPE_REQUIRED).handles(this::committed);
  }

  private Future<Reply<JsonObject>> create(Call<String, String> call) {
    RoutingContext ctx = call.ctx();
    String group = call.path("group");
    CreateConsumer request = V2CreateConsumerBody.parse(group, ConsumerRefs.principalName(ctx),
        JsonBodies.objectOrNull(ctx));
    return deps.bus().request(ConsumerOps.CREATE, request)
        .map(created -> Reply.ok(CreatedInstance.body(ctx, deps.baseUris(), group, created)));
  }

  private Future<Reply<Object>> delete(Call<String, String> call) {
    return V2Route.noContent(deps.bus().request(ConsumerOps.DELETE, new DeleteConsumer(V2Route.ref(call.ctx()))));
  }

  /**
   * An empty body (or one without {@code offsets}) commits everything returned so far. Explicit offsets are "last
   * processed" offsets and are stored plus one, as the original does (kafka-rest #1167): to resume a partition at
   * N, commit N-1. The answer is always {@code []}.
   */
  private Future<Reply<JsonArray>> commit(Call<String, String> call) {
    RoutingContext ctx = call.ctx();
    JsonObject body = JsonBodies.objectOrNull(ctx);
    List<PartitionOffset> offsets = null;
    if (body != null) {
      V2Bodies.onlyFields(body, Set.of("offsets"));
      List<PartitionOffset> given = V2Bodies.offsets(body, "offsets");
      if (given != null) {
        TopicAccess.requireConsume(ctx, given.stream().map(PartitionOffset::topic).toList());
        offsets = given.stream().map(V2InstanceRoutes::nextToRead).toList();
      }
    }
    return deps.bus().request(ConsumerOps.COMMIT, new CommitOffsets(V2Route.ref(ctx), offsets))
        .map(result -> Reply.ok(new JsonArray()));
  }

  /**
   * {@code GET …/offsets} with a JSON body naming partitions: the group's committed offsets as Kafka stores them
   * (the next offset to read), only for partitions that have one. Without a body the original answered 40402.
   */
  private Future<Reply<JsonObject>> committed(Call<String, String> call) {
    RoutingContext ctx = call.ctx();
    JsonObject body = JsonBodies.objectOrNull(ctx);
    if (body == null) {
      throw ErrorCode.PARTITION_NOT_FOUND.toException(
          "Partition not found: name the partitions in a JSON body, {\"partitions\":[{\"topic\":…,\"partition\":…}]}.");
    }
    V2Bodies.onlyFields(body, Set.of("partitions"));
    List<PartitionRef> partitions = V2Bodies.partitions(body, "partitions");
    if (partitions == null) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Field 'partitions' is required.");
    }
    TopicAccess.requireConsume(ctx, partitions.stream().map(PartitionRef::topic).toList());
    return deps.bus().request(ConsumerOps.COMMITTED,
        new GetCommittedOffsets(V2Route.ref(ctx), partitions)).map(result -> {
          JsonArray offsets = new JsonArray();
          result.offsets().forEach(o -> offsets.add(new JsonObject().put("topic", o.topic())
              .put("partition", o.partition()).put("offset", o.offset()).put("metadata", o.metadata())));
          return Reply.ok(new JsonObject().put("offsets", offsets));
        });
  }

  private static PartitionOffset nextToRead(PartitionOffset lastProcessed) {
    if (lastProcessed.offset() < -1) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Field 'offset' in 'offsets' must be -1 or more (the last"
          + " processed offset; -1 resumes the partition at 0), not " + lastProcessed.offset() + ".");
    }
    return new PartitionOffset(lastProcessed.topic(), lastProcessed.partition(), lastProcessed.offset() + 1,
        lastProcessed.metadata());
  }
}
