package io.tributary.v1;

import io.tributary.core.auth.Operation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.core.error.TributaryException;
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
import java.util.Optional;

/**
 * v1's high-level consumer instances: create, read a topic (implicit subscription), commit, delete. The instances
 * live in the consumer engine, which v2 shares, so an instance is the same whichever generation addresses it.
 */
final class V1ConsumerRoutes {
  private final RouteContext deps;
  private final V1ConsumerRead read;

  V1ConsumerRoutes(RouteContext deps) {
    this.deps = deps;
    this.read = new V1ConsumerRead(deps);
  }

  void mount(Router router) {
    router.post("/consumers/:group").handler(this::create);
    router.get("/consumers/:group/instances/:instance/topics/:topic").handler(read::handle);
    router.post("/consumers/:group/instances/:instance/offsets").handler(this::commit);
    router.delete("/consumers/:group/instances/:instance").handler(this::delete);
  }

  static ConsumerRef ref(RoutingContext ctx) {
    return ConsumerRefs.fromPath(ctx);
  }

  private void create(RoutingContext ctx) {
    Optional<String> type = claim(ctx);
    if (type.isEmpty()) {
      return;
    }
    try {
      // Instances are not tied to topics yet; a principal that may consume nothing has no use for one.
      Access.requireAny(ctx, Operation.CONSUME);
      String group = ctx.pathParam("group");
      CreateConsumer request = V1CreateConsumerBody.parse(group, ConsumerRefs.principalName(ctx),
          JsonBodies.objectOrNull(ctx));
      deps.bus().request(ConsumerOps.CREATE, request).onSuccess(created -> {
        String baseUri = deps.baseUris().base(ctx) + "/consumers/" + segment(group) + "/instances/"
            + segment(created.instanceId());
        Responses.json(ctx, 200, type.get(),
            new JsonObject().put("instance_id", created.instanceId()).put("base_uri", baseUri));
      }).onFailure(ctx::fail);
    } catch (TributaryException e) {
      ctx.fail(e);
    }
  }

  private void commit(RoutingContext ctx) {
    Optional<String> type = claim(ctx);
    if (type.isEmpty()) {
      return;
    }
    deps.bus().request(ConsumerOps.COMMIT, new CommitOffsets(ref(ctx), null))
        .onSuccess(result -> {
          JsonArray body = new JsonArray();
          result.positions().forEach(p -> body.add(new JsonObject().put("topic", p.topic())
              .put("partition", p.partition()).put("consumed", p.consumed()).put("committed", p.committed())));
          Responses.json(ctx, 200, type.get(), body);
        }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    if (claim(ctx).isEmpty()) {
      return;
    }
    deps.bus().request(ConsumerOps.DELETE, new DeleteConsumer(ref(ctx)))
        .onSuccess(ack -> Responses.noContent(ctx)).onFailure(ctx::fail);
  }

  /**
   * Takes the request for v1 when its Content-Type and Accept are v1's, answering with the negotiated response
   * type; otherwise declines it (empty) for a later route.
   */
  private static Optional<String> claim(RoutingContext ctx) {
    if (!V1ConsumerMedia.takesBody(ctx)) {
      V1MediaTypes.decline(ctx, 415);
      return Optional.empty();
    }
    Optional<String> type = V1MediaTypes.negotiate(ctx, V1MediaTypes.PLAIN_RESPONSES);
    if (type.isEmpty()) {
      return type;
    }
    return type;
  }

  /** A path segment for base_uri: group and instance names may hold characters a URL cannot. */
  private static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
