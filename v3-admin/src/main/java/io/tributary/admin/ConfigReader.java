package io.tributary.admin;

import io.tributary.core.admin.ConfigScope;
import io.tributary.core.admin.ConfigSynonymValue;
import io.tributary.core.admin.ConfigValue;
import io.tributary.core.admin.ConfigsList;
import io.tributary.core.admin.ResourceConfigs;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.common.config.ConfigResource;

/** Describes the configs of brokers, topics and the cluster-wide broker defaults, with their synonyms. */
final class ConfigReader {
  private final Admin admin;
  private final Context context;
  private final ConfigResources resources;

  ConfigReader(Admin admin, Context context, ConfigResources resources) {
    this.admin = admin;
    this.context = context;
    this.resources = resources;
  }

  /** The configs of one resource, or of all of the scope when {@code name} is null. */
  Future<ConfigsList> list(ConfigScope scope, String name) {
    Future<List<ConfigResource>> targets = name == null && scope != ConfigScope.CLUSTER
        ? resources.all(scope)
        : resources.one(scope, name).map(List::of);
    return targets.compose(this::describe).map(ConfigsList::new);
  }

  /** The configs of one resource. */
  Future<List<ConfigValue>> one(ConfigScope scope, String name) {
    return list(scope, name).map(l -> l.resources().get(0).configs());
  }

  private Future<List<ResourceConfigs>> describe(List<ConfigResource> targets) {
    if (targets.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return KafkaFutures.toFuture(admin.describeConfigs(targets, new DescribeConfigsOptions().includeSynonyms(true))
        .all(), context).map(described -> inOrder(targets, described));
  }

  private static List<ResourceConfigs> inOrder(List<ConfigResource> targets, Map<ConfigResource, Config> described) {
    return targets.stream()
        .filter(described::containsKey)
        .map(t -> new ResourceConfigs(t.name(), values(described.get(t))))
        .toList();
  }

  private static List<ConfigValue> values(Config config) {
    return config.entries().stream()
        .sorted(Comparator.comparing(ConfigEntry::name))
        .map(ConfigReader::value)
        .toList();
  }

  private static ConfigValue value(ConfigEntry e) {
    List<ConfigSynonymValue> synonyms = e.synonyms().stream()
        .map(s -> new ConfigSynonymValue(s.name(), e.isSensitive() ? null : s.value(), s.source().name()))
        .toList();
    // Kafka already withholds sensitive values; not relying on that keeps secrets out even if a broker misbehaves.
    return new ConfigValue(e.name(), e.isSensitive() ? null : e.value(), e.isDefault(), e.isReadOnly(),
        e.isSensitive(), e.source().name(), synonyms);
  }
}
