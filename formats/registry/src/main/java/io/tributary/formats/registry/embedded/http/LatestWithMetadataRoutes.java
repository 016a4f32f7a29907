package io.tributary.formats.registry.embedded.http;

import io.tributary.core.auth.Operation;
import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages.GetLatestWithMetadata;
import io.tributary.formats.registry.embedded.RegistryMessages.Version;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /subjects/{s}/metadata?key=k1&value=v1&key=k2&value=v2}: the latest version whose
 * {@code metadata.properties} hold every pair ({@code key} and {@code value} are paired in order; extra ones of
 * either are ignored, as in Confluent's registry), with {@code deleted} and {@code format} as elsewhere.
 */
final class LatestWithMetadataRoutes {
  private final RegistryReplies replies;

  LatestWithMetadataRoutes(RegistryReplies replies) {
    this.replies = replies;
  }

  void mount(Router router) {
    RegistryMedia.at(router.get("/subjects/:subject/metadata")).requires(SubjectRoutes.on(Operation.SCHEMA_READ))
        .handles(call -> {
          RoutingContext ctx = call.ctx();
          return replies.json(RegistryOps.LATEST_WITH_METADATA, new GetLatestWithMetadata(
              RegistryParams.subject(ctx), properties(ctx), RegistryParams.flag(ctx, "deleted"),
              RegistryParams.format(ctx)), RegistryReplies::version);
        });
  }

  private static Map<String, String> properties(RoutingContext ctx) {
    List<String> keys = ctx.queryParam("key");
    List<String> values = ctx.queryParam("value");
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      properties.put(keys.get(i), values.get(i));
    }
    return properties;
  }
}
