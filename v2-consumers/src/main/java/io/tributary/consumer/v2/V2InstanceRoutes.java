package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.Body.TYPE_OPTIONAL;
import static io.tributary.consumer.v2.V2ConsumerMedia.Body.TYPE_REQUIRED;
import static io.tributary.consumer.v2.V2ConsumerMedia.Path.SHARED_WITH_V1;
import static io.tributary.consumer.v2.V2ConsumerMedia.Path.V2_ONLY;

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
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.tributary.http.consumer.ConsumerRefs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    router.post("/consumers/:group").handler(V2Route.of(TYPE_OPTIONAL, SHARED_WITH_V1, this::create));
    router.delete(INSTANCE).handler(V2Route.of(TYPE_OPTIONAL, SHARED_WITH_V1, this::delete));
    router.post(INSTANCE + "/offsets").handler(V2Route.of(TYPE_OPTIONAL, SHARED_WITH_V1, this::commit));
    router.get(INSTANCE + "/offsets").handler(V2Route.of(TYPE_REQUIRED, V2_ONLY, this::committed));
  }

  private void create(RoutingContext ctx, String type) {
    // Instances are not tied to topics yet; a principal that may consume nothing has no use for one.
    if (!Access.principal(ctx).hasAny(Operation.CONSUME)) {
      throw ErrorCode.FORBIDDEN.toException("Not authorized: principal " + Access.principal(ctx).name()
          + " may not consume any topic.");
    }
    String group = ctx.pathParam("group");
    CreateConsumer request = V2CreateConsumerBody.parse(group, ConsumerRefs.principalName(ctx),
        JsonBodies.objectOrNull(ctx));
    deps.bus().request(ConsumerOps.CREATE, request).onSuccess(created -> {
      String baseUri = deps.baseUris().base(ctx) + "/consumers/" + segment(group) + "/instances/"
          + segment(created.instanceId());
      Responses.json(ctx, 200, type,
          new JsonObject().put("instance_id", created.instanceId()).put("base_uri", baseUri));
    }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx, String type) {
    V2Route.noContent(ctx, deps.bus().request(ConsumerOps.DELETE, new DeleteConsumer(V2Route.ref(ctx))));
  }

  /**
   * An empty body (or one without {@code offsets}) commits everything returned so far. Explicit offsets are "last
   * processed" offsets and are stored plus one, as the original does (kafka-rest #1167): to resume a partition at
   * N, commit N-1. The answer is always {@code []}.
   */
  private void commit(RoutingContext ctx, String type) {
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
    deps.bus().request(ConsumerOps.COMMIT, new CommitOffsets(V2Route.ref(ctx), offsets))
        .onSuccess(result -> Responses.json(ctx, 200, type, new JsonArray())).onFailure(ctx::fail);
  }

  /**
   * {@code GET …/offsets} with a JSON body naming partitions: the group's committed offsets as Kafka stores them
   * (the next offset to read), only for partitions that have one. Without a body the original answered 40402.
   */
  private void committed(RoutingContext ctx, String type) {
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
    deps.bus().request(ConsumerOps.COMMITTED,
        new GetCommittedOffsets(V2Route.ref(ctx), partitions)).onSuccess(result -> {
          JsonArray offsets = new JsonArray();
          result.offsets().forEach(o -> offsets.add(new JsonObject().put("topic", o.topic())
              .put("partition", o.partition()).put("offset", o.offset()).put("metadata", o.metadata())));
          Responses.json(ctx, 200, type, new JsonObject().put("offsets", offsets));
        }).onFailure(ctx::fail);
  }

  private static PartitionOffset nextToRead(PartitionOffset lastProcessed) {
    if (lastProcessed.offset() < -1) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Field 'offset' in 'offsets' must be -1 or more (the last"
          + " processed offset; -1 resumes the partition at 0), not " + lastProcessed.offset() + ".");
    }
    return new PartitionOffset(lastProcessed.topic(), lastProcessed.partition(), lastProcessed.offset() + 1,
        lastProcessed.metadata());
  }

  /** A path segment for base_uri: group and instance names may hold characters a URL cannot. */
  private static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
