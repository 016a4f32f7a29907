package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages.CheckCompatibility;
import io.tributary.core.auth.Operation;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
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
    RegistryMedia.withBody(router.post("/compatibility/subjects/:subject/versions/:version"))
        .requires(SubjectRoutes.on(Operation.SCHEMA_READ))
        .handles(call -> check(call.ctx(), RegistryParams.version(call.ctx())));
    RegistryMedia.withBody(router.post("/compatibility/subjects/:subject/versions"))
        .requires(SubjectRoutes.on(Operation.SCHEMA_READ))
        .handles(call -> check(call.ctx(), null));
  }

  private Future<Reply<Object>> check(RoutingContext ctx, Integer version) {
    RegistryParams.SchemaBody body = RegistryParams.schemaBody(ctx);
    boolean verbose = RegistryParams.flag(ctx, "verbose");
    return replies.json(RegistryOps.COMPATIBILITY_CHECK, new CheckCompatibility(
        RegistryParams.subject(ctx), version, body.schemaType(), body.schema(), body.references(),
        RegistryParams.flag(ctx, "normalize")), c -> {
          JsonObject answer = new JsonObject().put("is_compatible", c.compatible());
          return verbose ? answer.put("messages", c.messages()) : answer;
        });
  }
}
