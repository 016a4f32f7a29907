package io.tributary.admin;

import io.tributary.core.admin.ConfigScope;
import io.tributary.core.error.ErrorCode;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Turns a {@link ConfigScope} and resource name into Kafka's config resources, checking that a named broker exists.
 * The cluster-wide broker defaults are Kafka's broker resource with the empty name.
 */
final class ConfigResources {
  private final Admin admin;
  private final Context context;
  private final ClusterReader cluster;
  private final Brokers brokers;

  ConfigResources(Admin admin, Context context, ClusterReader cluster) {
    this.admin = admin;
    this.context = context;
    this.cluster = cluster;
    this.brokers = new Brokers(cluster);
  }

  /** One resource; a broker id that is not a number or not a broker fails with 404. */
  Future<ConfigResource> one(ConfigScope scope, String name) {
    return switch (scope) {
      case CLUSTER -> Future.succeededFuture(new ConfigResource(ConfigResource.Type.BROKER, ""));
      case TOPIC -> Future.succeededFuture(new ConfigResource(ConfigResource.Type.TOPIC, name));
      case BROKER -> brokers.require(brokerId(name))
          .map(b -> new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(b.id())));
    };
  }

  /** Every resource of the scope: all brokers by id, all topics by name. */
  Future<List<ConfigResource>> all(ConfigScope scope) {
    return switch (scope) {
      case CLUSTER -> one(scope, "").map(List::of);
      case BROKER -> cluster.brokers().map(c -> c.brokers().stream()
          .map(b -> new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(b.id()))).toList());
      case TOPIC -> KafkaFutures.toFuture(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(),
          context).map(names -> names.stream().sorted()
          .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList());
    };
  }

  private static int brokerId(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      throw ErrorCode.NOT_FOUND.toException("Broker " + name + " cannot be found.");
    }
  }
}
