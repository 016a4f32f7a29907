package io.tributary.formats.registry.embedded.http;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.metadata.Ping;
import io.tributary.formats.registry.embedded.RegistryErrors;
import io.tributary.http.Bus;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * {@code GET /contexts} (only the default context {@code .}: subjects have no other), {@code GET /v1/metadata/id}
 * (the Kafka cluster's id, and the registry topic as the registry cluster's id: instances sharing a topic are one
 * registry) and {@code GET /v1/metadata/version} (Tributary's version).
 */
final class MetadataRoutes {
  private static final String VERSION = version();

  private final Bus bus;
  private final String topic;

  MetadataRoutes(Bus bus, String topic) {
    this.bus = bus;
    this.topic = topic;
  }

  void mount(Router router) {
    RegistryMedia.at(router.get("/contexts")).handles(call -> Future.succeededFuture(Reply.ok(List.of("."))));
    RegistryMedia.at(router.get("/v1/metadata/version")).handles(call -> Future.succeededFuture(
        Reply.ok(new JsonObject().put("version", VERSION).put("commitId", ""))));
    RegistryMedia.at(router.get("/v1/metadata/id")).handles(call -> bus.request(AdminOps.PING, new Ping())
        .map(c -> Reply.ok(new JsonObject().put("scope", new JsonObject()
            .put("path", new JsonArray()).put("clusters", new JsonObject().put("kafka-cluster", c.clusterId())
                .put("schema-registry-cluster", topic)))))
        .recover(e -> Future.failedFuture(RegistryErrors.storeError("the Kafka cluster cannot be reached"))));
  }

  private static String version() {
    String v = MetadataRoutes.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
