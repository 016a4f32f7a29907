package io.tributary.admin;

import io.tributary.core.admin.AlterConfigs;
import io.tributary.core.admin.AlterTopicsConfigs;
import io.tributary.core.admin.ConfigChange;
import io.tributary.core.admin.ConfigScope;
import io.tributary.core.admin.ConfigValue;
import io.tributary.core.admin.TopicConfigFailure;
import io.tributary.core.admin.TopicConfigFailures;
import io.tributary.core.bus.Ack;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.kafka.KafkaErrors;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        : requireKnownNames(request.scope(), request.resource(), request.changes());
    return checked.compose(ok -> resources.one(request.scope(), request.resource()))
        .compose(resource -> apply(resource, request.changes(), request.validateOnly()))
        .map(done -> Ack.INSTANCE);
  }

  /**
   * Several topics in one Kafka request. The checks run topic by topic in request order, so that the first problem
   * of the request is the one reported; Kafka's own refusals are collected per topic.
   */
  Future<TopicConfigFailures> alterTopics(AlterTopicsConfigs request) {
    Future<Void> checked = Future.succeededFuture();
    for (Map.Entry<String, List<ConfigChange>> e : request.changes().entrySet()) {
      checked = checked.compose(ok -> requireKnownNames(ConfigScope.TOPIC, e.getKey(), e.getValue()));
    }
    return checked.compose(ok -> {
      Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
      request.changes().forEach((topic, changes) -> ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
          changes.stream().map(ConfigAlterer::op).toList()));
      if (ops.isEmpty()) {
        return Future.succeededFuture(new TopicConfigFailures(List.of()));
      }
      var results = admin.incrementalAlterConfigs(ops, new AlterConfigsOptions()
          .validateOnly(request.validateOnly())).values();
      List<Future<TopicConfigFailure>> each = ops.keySet().stream()
          .map(resource -> KafkaFutures.toFuture(results.get(resource), context)
              .<TopicConfigFailure>map(done -> null)
              .recover(failure -> {
                TributaryException te = KafkaErrors.translate(failure);
                return Future.succeededFuture(new TopicConfigFailure(resource.name(), te.code(), te.getMessage()));
              }))
          .toList();
      return Future.all(each).map(all -> new TopicConfigFailures(each.stream().map(Future::result)
          .filter(Objects::nonNull).toList()));
    });
  }

  private Future<Void> requireKnownNames(ConfigScope scope, String resource, List<ConfigChange> changes) {
    return reader.one(scope, resource).compose(configs -> {
      Set<String> known = configs.stream().map(ConfigValue::name).collect(Collectors.toSet());
      return changes.stream().map(ConfigChange::name).filter(n -> !known.contains(n)).findFirst()
          .map(unknown -> cluster.id().<Void>compose(id -> Future.failedFuture(ErrorCode.NOT_FOUND.toException(
              "Config " + unknown + " cannot be found for " + scope + " " + resource + " in cluster " + id.id()
                  + "."))))
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
