package io.tributary.server;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.metadata.Ping;
import io.tributary.http.Bus;
import io.tributary.http.Responses;
import io.tributary.http.auth.Access;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /} and {@code POST /}, the liveness no-ops every generation had, {@code GET /version}, and the health
 * endpoints: liveness, and readiness that asks the admin engine whether Kafka answers (503 while it does not).
 */
final class RootRoutes {
  static final String LIVE = "/health/live";
  static final String READY = "/health/ready";
  static final String VERSION = "/version";
  private static final long READY_TIMEOUT_MS = 5_000;

  private static final List<Offer<String>> ROOT_TYPES = List.of(
      Offer.of(KafkaMediaTypes.V1_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V1_JSON),
      Offer.of(KafkaMediaTypes.V2_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V2_JSON),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON, KafkaMediaTypes.KAFKA_JSON),
      Offer.of(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON, KafkaMediaTypes.JSON));

  private final Bus bus;
  private final Supplier<JsonObject> clusterStatus;

  /** {@code clusterStatus}: the membership readiness reports in cluster mode; null when the node runs alone. */
  RootRoutes(Bus bus, Supplier<JsonObject> clusterStatus) {
    this.bus = bus;
    this.clusterStatus = clusterStatus;
  }

  void mountHealth(Router router) {
    router.get(LIVE).handler(ctx -> Responses.json(ctx, 200, KafkaMediaTypes.JSON, new JsonObject().put("status",
        "UP")));
    router.get(READY).handler(this::ready);
  }

  void mountRoot(Router router) {
    router.get("/").handler(this::root);
    router.post("/").handler(this::root);
    router.get(VERSION).handler(RootRoutes::version);
  }

  /** The build's version and commit; like every path after authentication, it needs a credential when those are on. */
  private static void version(RoutingContext ctx) {
    Access.enforceAdmission(ctx);
    Responses.json(ctx, 200, KafkaMediaTypes.JSON, BuildInfo.current().toJson());
  }

  private void root(RoutingContext ctx) {
    // Claiming the request settles its admission: without a valid credential, GET / is a 401 like any other path.
    ConfluentErrorRenderer.V1.use(ctx);
    Negotiation.select(ctx.request().getHeader("Accept"), ROOT_TYPES).ifPresentOrElse(
        offer -> Responses.json(ctx, 200, offer.meaning(), new JsonObject()),
        () -> ctx.response().setStatusCode(406).end());
  }

  private void ready(RoutingContext ctx) {
    JsonObject cluster = clusterStatus.get();
    if (cluster != null && !cluster.getBoolean("reachable", true)) {
      // Peers cannot forward to this node: its clients would be served, the rest of the cluster would not be.
      Responses.json(ctx, 503, KafkaMediaTypes.JSON, new JsonObject().put("status", "NOT_READY")
          .put("reason", "The other cluster nodes cannot reach this node over the event bus; it is announcing its"
              + " addresses again (restart it if this lasts).")
          .put("cluster", cluster));
      return;
    }
    bus.request(AdminOps.PING, new Ping(), READY_TIMEOUT_MS)
        .onSuccess(c -> Responses.json(ctx, 200, KafkaMediaTypes.JSON, withCluster(new JsonObject()
            .put("status", "READY")
            .put("kafka", new JsonObject().put("cluster_id", c.clusterId()).put("brokers", c.brokers().size())))))
        .onFailure(e -> Responses.json(ctx, 503, KafkaMediaTypes.JSON, withCluster(new JsonObject()
            .put("status", "NOT_READY")
            .put("reason", e.getMessage()))));
  }

  private JsonObject withCluster(JsonObject answer) {
    JsonObject cluster = clusterStatus.get();
    return cluster == null ? answer : answer.put("cluster", cluster);
  }
}
