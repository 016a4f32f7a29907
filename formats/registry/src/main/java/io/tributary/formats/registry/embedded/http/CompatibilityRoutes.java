package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages.CheckCompatibility;
import io.tributary.core.auth.Operation;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /compatibility/subjects/{s}/versions[/{v}]}: would this schema be accepted? Against one version (or
 * {@code latest}; a subject without versions accepts anything), or against the versions the subject's level names.
 */
final class CompatibilityRoutes {
  private final RegistryReplies replies;

  CompatibilityRoutes(RegistryReplies replies) {
    this.replies = replies;
  }

  void mount(Router router) {
    router.post("/compatibility/subjects/:subject/versions/:version")
        .handler(ctx -> check(ctx, RegistryParams.version(ctx)));
    router.post("/compatibility/subjects/:subject/versions").handler(ctx -> check(ctx, null));
  }

  private void check(RoutingContext ctx, Integer version) {
    RegistryAccess.require(ctx, Operation.SCHEMA_READ, RegistryParams.subject(ctx));
    RegistryParams.SchemaBody body = RegistryParams.schemaBody(ctx);
    boolean verbose = RegistryParams.flag(ctx, "verbose");
    replies.json(ctx, RegistryOps.COMPATIBILITY_CHECK, new CheckCompatibility(
        RegistryParams.subject(ctx), version, body.schemaType(), body.schema(), body.references(),
        RegistryParams.flag(ctx, "normalize")), c -> {
          JsonObject answer = new JsonObject().put("is_compatible", c.compatible());
          return verbose ? answer.put("messages", c.messages()) : answer;
        });
  }
}
