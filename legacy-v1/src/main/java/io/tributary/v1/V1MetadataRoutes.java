package io.tributary.v1;

import io.tributary.core.auth.Principal;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.BrokerDescription;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.ListBrokers;
import io.tributary.core.metadata.ListTopics;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.http.Bus;
import io.tributary.http.PathParams;
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * v1 metadata reads (reference §2.2–2.4): the topics, a topic, its partitions, one partition, the brokers. Listings
 * show only the topics the principal may see; asking for a single topic the principal may not see is 403.
 */
final class V1MetadataRoutes {
  private final Bus bus;

  V1MetadataRoutes(RouteContext deps) {
    this.bus = deps.bus();
  }

  void mount(Router router) {
    router.get("/topics").handler(ctx -> answer(ctx, this::topicNames));
    router.get("/topics/:topic").handler(ctx -> answer(ctx, c -> topic(c, true).map(V1TopicJson::topic)));
    router.get("/topics/:topic/partitions").handler(ctx -> answer(ctx,
        c -> topic(c, false).map(t -> V1TopicJson.partitions(t.partitions()))));
    router.get("/topics/:topic/partitions/:partition").handler(ctx -> answer(ctx, this::partition));
    router.get("/brokers").handler(ctx -> answer(ctx, this::brokers));
  }

  /** Negotiates the response type, then renders what {@code operation} produces or fails with its error. */
  private static void answer(RoutingContext ctx, Function<RoutingContext, Future<?>> operation) {
    V1MediaTypes.negotiate(ctx, V1MediaTypes.PLAIN_RESPONSES)
        .ifPresent(type -> Responses.jsonOf(ctx, type, () -> operation.apply(ctx)));
  }

  private Future<JsonArray> topicNames(RoutingContext ctx) {
    Principal principal = Access.principal(ctx);
    return bus.request(AdminOps.TOPICS_LIST, new ListTopics())
        .map(names -> new JsonArray(names.names().stream().filter(principal::maySee).toList()));
  }

  private Future<TopicDescription> topic(RoutingContext ctx, boolean includeConfigs) {
    return describe(visibleTopic(ctx), includeConfigs);
  }

  private Future<JsonObject> partition(RoutingContext ctx) {
    String topic = visibleTopic(ctx);
    int id = PathParams.partition(ctx);
    return describe(topic, false).map(t -> t.partition(id)
        .map(V1TopicJson::partition)
        .orElseThrow(ErrorCode.PARTITION_NOT_FOUND::toException));
  }

  /** The path's topic, after checking that the principal may see it (403 otherwise). */
  private static String visibleTopic(RoutingContext ctx) {
    String topic = ctx.pathParam("topic");
    Access.requireVisible(ctx, topic);
    return topic;
  }

  private Future<TopicDescription> describe(String topic, boolean includeConfigs) {
    return bus.request(AdminOps.TOPIC_DESCRIBE, new DescribeTopic(topic, includeConfigs));
  }

  private Future<JsonObject> brokers(RoutingContext ctx) {
    return bus.request(AdminOps.BROKERS_LIST, new ListBrokers())
        .map(cluster -> new JsonObject().put("brokers",
            new JsonArray(cluster.brokers().stream().map(BrokerDescription::id).toList())));
  }
}
