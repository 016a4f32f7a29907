package io.tributary.v1;

import io.tributary.core.auth.Operation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.http.JsonBodies;
import io.tributary.http.RouteContext;
import io.tributary.http.consumer.ConsumerRefs;
import io.tributary.http.consumer.CreatedInstance;
import io.tributary.http.route.Call;
import io.tributary.http.route.Endpoint;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

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
    declare(router.post("/consumers/:group")).requires(Permission.onAnyTopic(Operation.CONSUME))
        .handles(this::create);
    V1MediaTypes.KERNEL.at(router.get("/consumers/:group/instances/:instance/topics/:topic"))
        .produces(V1ConsumerMedia.READS)
        .requires(Permission.onTopic(Operation.CONSUME, "topic"))
        .renders(read.renderer())
        .handles(read::handle);
    declare(router.post("/consumers/:group/instances/:instance/offsets")).handles(this::commit);
    declare(router.delete("/consumers/:group/instances/:instance")).handles(this::delete);
  }

  /**
   * The instance endpoints without records: taken for v1 when the Content-Type and Accept are v1's, answering in
   * the negotiated response type; otherwise declined for a later route. Instances are not tied to topics yet: a
   * principal that may consume nothing has no use for one, so creating one requires consume on some topic.
   */
  private static Endpoint<String, String, Object> declare(Route route) {
    return V1MediaTypes.KERNEL.at(route).consumes(V1ConsumerMedia.BODY_TYPES).produces(V1MediaTypes.PLAIN_RESPONSES);
  }

  static ConsumerRef ref(RoutingContext ctx) {
    return ConsumerRefs.fromPath(ctx);
  }

  private Future<Reply<JsonObject>> create(Call<String, String> call) {
    RoutingContext ctx = call.ctx();
    String group = call.path("group");
    CreateConsumer request = V1CreateConsumerBody.parse(group, ConsumerRefs.principalName(ctx),
        JsonBodies.objectOrNull(ctx));
    return deps.bus().request(ConsumerOps.CREATE, request)
        .map(created -> Reply.ok(CreatedInstance.body(ctx, deps.baseUris(), group, created)));
  }

  private Future<Reply<JsonArray>> commit(Call<String, String> call) {
    return deps.bus().request(ConsumerOps.COMMIT, new CommitOffsets(ref(call.ctx()), null))
        .map(result -> {
          JsonArray body = new JsonArray();
          result.positions().forEach(p -> body.add(new JsonObject().put("topic", p.topic())
              .put("partition", p.partition()).put("consumed", p.consumed()).put("committed", p.committed())));
          return Reply.ok(body);
        });
  }

  private Future<Reply<Object>> delete(Call<String, String> call) {
    return deps.bus().request(ConsumerOps.DELETE, new DeleteConsumer(ref(call.ctx()))).map(ack -> Reply.noContent());
  }
}
