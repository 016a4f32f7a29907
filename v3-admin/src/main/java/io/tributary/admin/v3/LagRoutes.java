package io.tributary.admin.v3;

import io.tributary.core.admin.ConsumerLags;
import io.tributary.core.admin.ListConsumerLags;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;

/** A consumer group's lag per partition, one partition's lag, and the group's lag summary. */
final class LagRoutes {
  private static final String GROUP = "/clusters/:cluster/consumer-groups/:group";

  void mount(V3Router r) {
    r.get(GROUP + "/lags", Guard.CLUSTER_ADMIN, this::lags);
    r.get(GROUP + "/lags/:topic/partitions/:partition", Guard.CLUSTER_ADMIN, this::lag);
    r.get(GROUP + "/lag-summary", Guard.CLUSTER_ADMIN, this::summary);
  }

  private Future<ConsumerLags> lagsOf(V3Call call) {
    return call.request(AdminOps.GROUP_LAGS, new ListConsumerLags(call.path("group")));
  }

  private Future<V3Reply> lags(V3Call call) {
    String group = call.path("group");
    return lagsOf(call).map(all -> V3Reply.ok(CollectionJson.of("KafkaConsumerLagList",
        call.links().url("consumer-groups", group, "lags"),
        all.lags().stream().map(l -> LagJson.lag(call.links(), group, l)).toList())));
  }

  private Future<V3Reply> lag(V3Call call) {
    String group = call.path("group");
    String topic = call.path("topic");
    int partition = call.partition();
    return lagsOf(call).map(all -> all.lags().stream()
        .filter(l -> l.topic().equals(topic) && l.partition() == partition)
        .findFirst()
        .map(l -> V3Reply.ok(LagJson.lag(call.links(), group, l)))
        .orElseThrow(() -> ErrorCode.NOT_FOUND.toException("Consumer group " + group
            + " has no committed offset for partition " + partition + " of topic " + topic + ".")));
  }

  private Future<V3Reply> summary(V3Call call) {
    return lagsOf(call).map(all -> V3Reply.ok(LagJson.summary(call.links(), all)));
  }
}
