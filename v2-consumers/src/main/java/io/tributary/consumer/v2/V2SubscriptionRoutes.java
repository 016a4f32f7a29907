package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.TYPE_OPTIONAL;

import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.Assign;
import io.tributary.core.consumer.Assignment;
import io.tributary.core.consumer.GetAssignment;
import io.tributary.core.consumer.GetSubscription;
import io.tributary.core.consumer.PartitionRef;
import io.tributary.core.consumer.Subscribe;
import io.tributary.core.consumer.Unsubscribe;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.JsonBodies;
import io.tributary.http.RouteContext;
import io.tributary.http.route.Call;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What an instance reads: a subscription (topics or a pattern, partitions from the group) or an assignment. */
final class V2SubscriptionRoutes {
  private static final String INSTANCE = "/consumers/:group/instances/:instance";

  private final RouteContext deps;

  V2SubscriptionRoutes(RouteContext deps) {
    this.deps = deps;
  }

  void mount(Router router) {
    V2Route.v2Only(router.post(INSTANCE + "/subscription"), TYPE_OPTIONAL).handles(this::subscribe);
    V2Route.v2Only(router.get(INSTANCE + "/subscription"), TYPE_OPTIONAL).handles(this::subscription);
    V2Route.v2Only(router.delete(INSTANCE + "/subscription"), TYPE_OPTIONAL).handles(this::unsubscribe);
    V2Route.v2Only(router.post(INSTANCE + "/assignments"), TYPE_OPTIONAL).handles(this::assign);
    V2Route.v2Only(router.get(INSTANCE + "/assignments"), TYPE_OPTIONAL).handles(this::assignment);
  }

  /** {@code topics} wins over {@code topic_pattern}; either replaces the previous subscription. */
  private Future<Reply<Object>> subscribe(Call<String, String> call) {
    RoutingContext ctx = call.ctx();
    JsonObject body = JsonBodies.object(ctx);
    V2Bodies.onlyFields(body, Set.of("topics", "topic_pattern"));
    List<String> topics = V2Bodies.strings(body, "topics");
    String pattern = topics == null ? V2Bodies.optionalString(body, "topic_pattern") : null;
    if (topics != null) {
      TopicAccess.requireConsume(ctx, topics);
    } else if (pattern != null) {
      checkPattern(pattern);
      TopicAccess.requireConsumeAll(ctx);
    } else {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Name what to subscribe to: topics or topic_pattern.");
    }
    return V2Route.noContent(deps.bus().request(ConsumerOps.SUBSCRIBE,
        new Subscribe(V2Route.ref(ctx), topics, pattern)));
  }

  private Future<Reply<JsonObject>> subscription(Call<String, String> call) {
    return deps.bus().request(ConsumerOps.SUBSCRIPTION, new GetSubscription(V2Route.ref(call.ctx())))
        .map(s -> Reply.ok(new JsonObject().put("topics", new JsonArray(s.topics()))));
  }

  private Future<Reply<Object>> unsubscribe(Call<String, String> call) {
    return V2Route.noContent(deps.bus().request(ConsumerOps.UNSUBSCRIBE, new Unsubscribe(V2Route.ref(call.ctx()))));
  }

  private Future<Reply<Object>> assign(Call<String, String> call) {
    RoutingContext ctx = call.ctx();
    JsonObject body = JsonBodies.object(ctx);
    V2Bodies.onlyFields(body, Set.of("partitions"));
    List<PartitionRef> partitions = V2Bodies.partitions(body, "partitions");
    if (partitions == null) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Field 'partitions' is required.");
    }
    TopicAccess.requireConsume(ctx, partitions.stream().map(PartitionRef::topic).toList());
    return V2Route.noContent(deps.bus().request(ConsumerOps.ASSIGN, new Assign(V2Route.ref(ctx), partitions)));
  }

  private Future<Reply<JsonObject>> assignment(Call<String, String> call) {
    return deps.bus().request(ConsumerOps.ASSIGNMENT, new GetAssignment(V2Route.ref(call.ctx())))
        .map(a -> Reply.ok(new JsonObject().put("partitions", partitionsJson(a))));
  }

  private static JsonArray partitionsJson(Assignment assignment) {
    JsonArray out = new JsonArray();
    assignment.partitions().forEach(p -> out.add(new JsonObject().put("topic", p.topic())
        .put("partition", p.partition())));
    return out;
  }

  /** A pattern Java cannot compile would fail inside the engine; say what is wrong with it instead. */
  private static void checkPattern(String pattern) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Invalid topic_pattern: " + e.getDescription() + " near"
          + " index " + e.getIndex() + " of '" + pattern + "'.");
    }
  }
}
