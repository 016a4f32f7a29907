package io.tributary.v1;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.BrokerDescription;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.ListBrokers;
import io.tributary.core.metadata.ListTopics;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.http.Bus;
import io.tributary.http.PathParams;
import io.tributary.http.RouteContext;
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
 * v1 metadata reads (reference §2.2–2.4): the topics, a topic, its partitions, one partition, the brokers. Listings
 * show only the topics the principal may see; asking for a single topic the principal may not see is 403.
 */
final class V1MetadataRoutes {
  private final Bus bus;

  V1MetadataRoutes(RouteContext deps) {
    this.bus = deps.bus();
  }

  void mount(Router router) {
    answer(router.get("/topics"), Permission.NONE, this::topicNames);
    answer(router.get("/topics/:topic"), Permission.seeTopic("topic"),
        c -> describe(c.path("topic"), true).map(V1TopicJson::topic));
    answer(router.get("/topics/:topic/partitions"), Permission.seeTopic("topic"),
        c -> describe(c.path("topic"), false).map(t -> V1TopicJson.partitions(t.partitions())));
    answer(router.get("/topics/:topic/partitions/:partition"), Permission.seeTopic("topic"), this::partition);
    answer(router.get("/brokers"), Permission.NONE, c -> brokers());
  }

  /** A metadata read: v1's plain response types, the JSON {@code operation} produces, answered 200. */
  private static void answer(Route route, Permission permission, Function<Call<Void, String>, Future<?>> operation) {
    V1MediaTypes.KERNEL.at(route).produces(V1MediaTypes.PLAIN_RESPONSES).requires(permission)
        .handles(call -> operation.apply(call).map(Reply::ok));
  }

  private Future<JsonArray> topicNames(Call<Void, String> call) {
    var principal = call.principal();
    return bus.request(AdminOps.TOPICS_LIST, new ListTopics())
        .map(names -> new JsonArray(names.names().stream().filter(principal::maySee).toList()));
  }

  private Future<JsonObject> partition(Call<Void, String> call) {
    int id = PathParams.partition(call.ctx());
    return describe(call.path("topic"), false).map(t -> t.partition(id)
        .map(V1TopicJson::partition)
        .orElseThrow(ErrorCode.PARTITION_NOT_FOUND::toException));
  }

  private Future<TopicDescription> describe(String topic, boolean includeConfigs) {
    return bus.request(AdminOps.TOPIC_DESCRIBE, new DescribeTopic(topic, includeConfigs));
  }

  private Future<JsonObject> brokers() {
    return bus.request(AdminOps.BROKERS_LIST, new ListBrokers())
        .map(cluster -> new JsonObject().put("brokers",
            new JsonArray(cluster.brokers().stream().map(BrokerDescription::id).toList())));
  }
}
