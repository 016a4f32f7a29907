package io.tributary.admin;

import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the cluster creates topics on first use ({@code auto.create.topics.enable} of one broker).
 *
 * <p>Why: a producer writing to a missing topic on a stock broker gets the topic auto-created, so a REST produce
 * to a new topic has always worked against such clusters. Rather than letting the producer block for its whole
 * metadata timeout to find out, Tributary mirrors the cluster's own setting: it creates the topic itself (with
 * broker defaults) exactly when the cluster would, and answers 40401 at once when it would not.
 */
final class AutoCreateSetting {
  private static final Logger LOG = LoggerFactory.getLogger(AutoCreateSetting.class);
  private static final String KEY = "auto.create.topics.enable";
  private static final int TIMEOUT_MS = 15_000;

  private AutoCreateSetting() {}

  /**
   * Reads the setting once. Never fails: when the broker cannot be asked, the answer is {@code true}, the broker
   * default, so that a transient problem at start-up does not turn every produce to a new topic into a 404.
   */
  static Future<Boolean> read(Admin admin, Context context) {
    return KafkaFutures.toFuture(admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes(),
            context)
        .compose(nodes -> {
          if (nodes.isEmpty()) {
            return Future.succeededFuture(true);
          }
          ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, nodes.iterator().next().idString());
          return KafkaFutures.toFuture(admin.describeConfigs(List.of(broker),
              new DescribeConfigsOptions().timeoutMs(TIMEOUT_MS)).values().get(broker), context)
              .map(config -> {
                ConfigEntry entry = config.get(KEY);
                return entry == null || entry.value() == null || Boolean.parseBoolean(entry.value());
              });
        })
        .onSuccess(allowed -> LOG.info("Cluster setting {}={}: topics missing at produce time are {}", KEY, allowed,
            allowed ? "created with the broker's defaults" : "answered with 40401"))
        .recover(e -> {
          LOG.warn("Cannot read {} from the cluster ({}); assuming true", KEY, e.getMessage());
          return Future.succeededFuture(true);
        });
  }
}
