package io.tributary.admin.v2;

import io.tributary.admin.KafkaUnknownTopic;
import io.tributary.core.auth.Principal;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.BrokerDescription;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.GetPartitionOffsets;
import io.tributary.core.metadata.ListBrokers;
import io.tributary.core.metadata.ListTopics;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.http.ApiModule;
import io.tributary.http.Bus;
import io.tributary.http.PathParams;
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.tributary.http.media.V2MediaTypes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * v2 metadata reads (reference §3.1–3.2): the topics, a topic, its partitions, one partition, a partition's
 * offsets, the brokers, in {@code vnd.kafka.v2+json} (and the unversioned types). Requests whose Accept v2 cannot
 * satisfy are left to the other generation on the same paths. Listings show only the topics the principal may see;
 * a single topic the principal may not see is 403.
 */
public final class V2MetadataApi implements ApiModule {
  @Override
  public void mount(Router router, RouteContext deps) {
    Bus bus = deps.bus();
    router.get("/topics").handler(ctx -> answer(ctx, c -> topicNames(c, bus)));
    // kafka-rest (6.0+) lets the Admin client's unknown-topic error through here: 404 40403 with Kafka's message.
    // The other topic endpoints keep v1's 40401 "Topic not found.".
    router.get("/topics/:topic").handler(ctx -> answer(ctx,
        c -> describe(bus, visibleTopic(c), true).map(V2TopicJson::topic).recover(e -> Future.failedFuture(
            KafkaUnknownTopic.isTopicNotFound(e) ? KafkaUnknownTopic.failure() : e))));
    router.get("/topics/:topic/partitions").handler(ctx -> answer(ctx,
        c -> describe(bus, visibleTopic(c), false).map(t -> V2TopicJson.partitions(t.partitions()))));
    router.get("/topics/:topic/partitions/:partition").handler(ctx -> answer(ctx, c -> partition(c, bus)));
    router.get("/topics/:topic/partitions/:partition/offsets").handler(ctx -> answer(ctx, c -> offsets(c, bus)));
    router.get("/brokers").handler(ctx -> answer(ctx, c -> brokers(bus)));
  }

  /** Negotiates the response type, then renders what {@code operation} produces or fails with its error. */
  private static void answer(RoutingContext ctx, Function<RoutingContext, Future<?>> operation) {
    V2MediaTypes.negotiate(ctx, V2MediaTypes.PLAIN_RESPONSES)
        .ifPresent(type -> Responses.jsonOf(ctx, type, () -> operation.apply(ctx)));
  }

  private static Future<JsonArray> topicNames(RoutingContext ctx, Bus bus) {
    Principal principal = Access.principal(ctx);
    return bus.request(AdminOps.TOPICS_LIST, new ListTopics())
        .map(names -> new JsonArray(names.names().stream().filter(principal::maySee).toList()));
  }

  private static Future<JsonObject> partition(RoutingContext ctx, Bus bus) {
    String topic = visibleTopic(ctx);
    int id = PathParams.partition(ctx);
    return describe(bus, topic, false).map(t -> t.partition(id)
        .map(V2TopicJson::partition)
        .orElseThrow(ErrorCode.PARTITION_NOT_FOUND::toException));
  }

  private static Future<JsonObject> offsets(RoutingContext ctx, Bus bus) {
    String topic = visibleTopic(ctx);
    int id = PathParams.partition(ctx);
    return bus.request(AdminOps.PARTITION_OFFSETS, new GetPartitionOffsets(topic, id))
        .map(o -> new JsonObject().put("beginning_offset", o.beginning()).put("end_offset", o.end()));
  }

  private static Future<JsonObject> brokers(Bus bus) {
    return bus.request(AdminOps.BROKERS_LIST, new ListBrokers())
        .map(cluster -> new JsonObject().put("brokers",
            new JsonArray(cluster.brokers().stream().map(BrokerDescription::id).toList())));
  }

  /** The path's topic, after checking that the principal may see it (403 otherwise). */
  private static String visibleTopic(RoutingContext ctx) {
    String topic = ctx.pathParam("topic");
    Access.requireVisible(ctx, topic);
    return topic;
  }

  private static Future<TopicDescription> describe(Bus bus, String topic, boolean includeConfigs) {
    return bus.request(AdminOps.TOPIC_DESCRIBE, new DescribeTopic(topic, includeConfigs));
  }
}
