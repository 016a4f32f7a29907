package io.tributary.admin.v3;

import io.tributary.http.ApiModule;
import io.tributary.http.RouteContext;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * The v3 cluster administration API (reference §4.1–4.2) under {@code /v3} and, as Confluent Server mounts it,
 * {@code /kafka/v3}: clusters, brokers, configs, topics, partitions, replicas, reassignments, consumer groups, lags
 * and ACLs, plus the OpenAPI document. Streaming produce ({@code …/records}) belongs to the produce module.
 */
public final class V3AdminApi implements ApiModule {
  static final List<String> PREFIXES = List.of("/v3", "/kafka/v3");

  private final OpenApiRoute openApi = new OpenApiRoute();

  /** Every answer under a v3 prefix, 401s, unknown paths and 405s included, has the v3 error shape. */
  @Override
  public void mountBeforeAuth(Router router, RouteContext deps) {
    for (String prefix : PREFIXES) {
      router.route(prefix + "/*").handler(ctx -> {
        ConfluentErrorRenderer.V3.use(ctx);
        ctx.next();
      });
    }
  }

  @Override
  public void mount(Router router, RouteContext deps) {
    for (String prefix : PREFIXES) {
      openApi.mount(router, prefix);
      V3Router r = new V3Router(router, prefix, deps);
      new ClusterRoutes().mount(r);
      ConfigRoutes.brokers().mount(r);
      ConfigRoutes.cluster().mount(r);
      ConfigRoutes.topics().mount(r);
      new TopicRoutes().mount(r);
      new PartitionRoutes().mount(r);
      new ConsumerGroupRoutes().mount(r);
      new LagRoutes().mount(r);
      new AclRoutes().mount(r);
    }
  }
}
