package io.tributary.admin;

import io.tributary.core.admin.AlterConfigs;
import io.tributary.core.admin.ConfigChange;
import io.tributary.core.admin.ConfigScope;
import io.tributary.core.admin.ConfigValue;
import io.tributary.core.bus.Ack;
import io.tributary.core.error.ErrorCode;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Sets and resets configs with Kafka's incremental alter. For a broker or a topic every name must already be one of
 * its described configs: a typo then gets a 404 naming the config instead of a new, ignored setting. Cluster-wide
 * defaults may be set for any name, because a default that was never set is not described at all.
 */
final class ConfigAlterer {
  private final Admin admin;
  private final Context context;
  private final ConfigResources resources;
  private final ConfigReader reader;
  private final ClusterIdentity cluster;

  ConfigAlterer(Admin admin, Context context, ConfigResources resources, ConfigReader reader,
      ClusterIdentity cluster) {
    this.admin = admin;
    this.context = context;
    this.resources = resources;
    this.reader = reader;
    this.cluster = cluster;
  }

  Future<Ack> alter(AlterConfigs request) {
    Future<Void> checked = request.scope() == ConfigScope.CLUSTER
        ? Future.succeededFuture()
        : requireKnownNames(request);
    return checked.compose(ok -> resources.one(request.scope(), request.resource()))
        .compose(resource -> apply(resource, request.changes(), request.validateOnly()))
        .map(done -> Ack.INSTANCE);
  }

  private Future<Void> requireKnownNames(AlterConfigs request) {
    return reader.one(request.scope(), request.resource()).compose(configs -> {
      Set<String> known = configs.stream().map(ConfigValue::name).collect(Collectors.toSet());
      return request.changes().stream().map(ConfigChange::name).filter(n -> !known.contains(n)).findFirst()
          .map(unknown -> cluster.id().<Void>compose(id -> Future.failedFuture(ErrorCode.NOT_FOUND.toException(
              "Config " + unknown + " cannot be found for " + request.scope() + " " + request.resource()
                  + " in cluster " + id.id() + "."))))
          .orElseGet(Future::succeededFuture);
    });
  }

  private Future<Void> apply(ConfigResource resource, List<ConfigChange> changes, boolean validateOnly) {
    List<AlterConfigOp> ops = changes.stream().map(ConfigAlterer::op).toList();
    return KafkaFutures.toFuture(admin.incrementalAlterConfigs(Map.of(resource, ops),
        new AlterConfigsOptions().validateOnly(validateOnly)).values().get(resource), context);
  }

  private static AlterConfigOp op(ConfigChange change) {
    return change.delete()
        ? new AlterConfigOp(new ConfigEntry(change.name(), null), AlterConfigOp.OpType.DELETE)
        : new AlterConfigOp(new ConfigEntry(change.name(), change.value()), AlterConfigOp.OpType.SET);
  }
}
