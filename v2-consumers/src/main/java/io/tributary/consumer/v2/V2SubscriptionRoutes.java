package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.Body.TYPE_OPTIONAL;
import static io.tributary.consumer.v2.V2ConsumerMedia.Path.V2_ONLY;

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
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
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
    router.post(INSTANCE + "/subscription").handler(V2Route.of(TYPE_OPTIONAL, V2_ONLY, this::subscribe));
    router.get(INSTANCE + "/subscription").handler(V2Route.of(TYPE_OPTIONAL, V2_ONLY, this::subscription));
    router.delete(INSTANCE + "/subscription").handler(V2Route.of(TYPE_OPTIONAL, V2_ONLY, this::unsubscribe));
    router.post(INSTANCE + "/assignments").handler(V2Route.of(TYPE_OPTIONAL, V2_ONLY, this::assign));
    router.get(INSTANCE + "/assignments").handler(V2Route.of(TYPE_OPTIONAL, V2_ONLY, this::assignment));
  }

  /** {@code topics} wins over {@code topic_pattern}; either replaces the previous subscription. */
  private void subscribe(RoutingContext ctx, String type) {
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
    V2Route.noContent(ctx, deps.bus().request(ConsumerOps.SUBSCRIBE,
        new Subscribe(V2Route.ref(ctx), topics, pattern)));
  }

  private void subscription(RoutingContext ctx, String type) {
    deps.bus().request(ConsumerOps.SUBSCRIPTION, new GetSubscription(V2Route.ref(ctx)))
        .onSuccess(s -> Responses.json(ctx, 200, type, new JsonObject().put("topics", new JsonArray(s.topics()))))
        .onFailure(ctx::fail);
  }

  private void unsubscribe(RoutingContext ctx, String type) {
    V2Route.noContent(ctx, deps.bus().request(ConsumerOps.UNSUBSCRIBE, new Unsubscribe(V2Route.ref(ctx))));
  }

  private void assign(RoutingContext ctx, String type) {
    JsonObject body = JsonBodies.object(ctx);
    V2Bodies.onlyFields(body, Set.of("partitions"));
    List<PartitionRef> partitions = V2Bodies.partitions(body, "partitions");
    if (partitions == null) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Field 'partitions' is required.");
    }
    TopicAccess.requireConsume(ctx, partitions.stream().map(PartitionRef::topic).toList());
    V2Route.noContent(ctx, deps.bus().request(ConsumerOps.ASSIGN, new Assign(V2Route.ref(ctx), partitions)));
  }

  private void assignment(RoutingContext ctx, String type) {
    deps.bus().request(ConsumerOps.ASSIGNMENT, new GetAssignment(V2Route.ref(ctx)))
        .onSuccess(a -> Responses.json(ctx, 200, type, new JsonObject().put("partitions", partitionsJson(a))))
        .onFailure(ctx::fail);
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
