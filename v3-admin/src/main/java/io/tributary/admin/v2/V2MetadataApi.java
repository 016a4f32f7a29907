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
import io.tributary.http.RouteContext;
import io.tributary.http.V2Routes;
import io.tributary.http.media.V2MediaTypes;
import io.tributary.http.route.Call;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
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
    answer(router.get("/topics"), Permission.NONE, c -> topicNames(c, bus));
    // kafka-rest (6.0+) lets the Admin client's unknown-topic error through here: 404 40403 with Kafka's message.
    // The other topic endpoints keep v1's 40401 "Topic not found.".
    answer(router.get("/topics/:topic"), Permission.seeTopic("topic"),
        c -> describe(bus, c.path("topic"), true).map(V2TopicJson::topic).recover(e -> Future.failedFuture(
            KafkaUnknownTopic.isTopicNotFound(e) ? KafkaUnknownTopic.failure() : e)));
    answer(router.get("/topics/:topic/partitions"), Permission.seeTopic("topic"),
        c -> describe(bus, c.path("topic"), false).map(t -> V2TopicJson.partitions(t.partitions())));
    answer(router.get("/topics/:topic/partitions/:partition"), Permission.seeTopic("topic"), c -> partition(c, bus));
    answer(router.get("/topics/:topic/partitions/:partition/offsets"), Permission.seeTopic("topic"),
        c -> offsets(c, bus));
    answer(router.get("/brokers"), Permission.NONE, c -> brokers(bus));
  }

  /** A metadata read: v2's plain response types, the JSON {@code operation} produces, answered 200. */
  private static void answer(Route route, Permission permission, Function<Call<Void, String>, Future<?>> operation) {
    V2Routes.KERNEL.at(route).produces(V2MediaTypes.PLAIN_RESPONSES).requires(permission)
        .handles(call -> operation.apply(call).map(Reply::ok));
  }

  private static Future<JsonArray> topicNames(Call<Void, String> call, Bus bus) {
    Principal principal = call.principal();
    return bus.request(AdminOps.TOPICS_LIST, new ListTopics())
        .map(names -> new JsonArray(names.names().stream().filter(principal::maySee).toList()));
  }

  private static Future<JsonObject> partition(Call<Void, String> call, Bus bus) {
    int id = PathParams.partition(call.ctx());
    return describe(bus, call.path("topic"), false).map(t -> t.partition(id)
        .map(V2TopicJson::partition)
        .orElseThrow(ErrorCode.PARTITION_NOT_FOUND::toException));
  }

  private static Future<JsonObject> offsets(Call<Void, String> call, Bus bus) {
    int id = PathParams.partition(call.ctx());
    return bus.request(AdminOps.PARTITION_OFFSETS, new GetPartitionOffsets(call.path("topic"), id))
        .map(o -> new JsonObject().put("beginning_offset", o.beginning()).put("end_offset", o.end()));
  }

  private static Future<JsonObject> brokers(Bus bus) {
    return bus.request(AdminOps.BROKERS_LIST, new ListBrokers())
        .map(cluster -> new JsonObject().put("brokers",
            new JsonArray(cluster.brokers().stream().map(BrokerDescription::id).toList())));
  }

  private static Future<TopicDescription> describe(Bus bus, String topic, boolean includeConfigs) {
    return bus.request(AdminOps.TOPIC_DESCRIBE, new DescribeTopic(topic, includeConfigs));
  }
}
