package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.GetConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.Level;
import io.tributary.formats.registry.embedded.RegistryMessages.PutConfig;
import io.tributary.core.auth.Operation;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /config[/{subject}]}: compatibility levels, global and per subject. Reads and deletes answer
 * {@code compatibilityLevel}, writes echo {@code compatibility}, as the original does. Modes are in
 * {@link ModeRoutes}.
 */
final class ConfigRoutes {
  private final RegistryReplies replies;

  ConfigRoutes(RegistryReplies replies) {
    this.replies = replies;
  }

  void mount(Router router) {
    router.get("/config").handler(ctx -> replies.json(ctx, RegistryOps.CONFIG_GET,
        new GetConfig(null, true), ConfigRoutes::level));
    router.put("/config").handler(ctx -> put(ctx, null));
    router.delete("/config").handler(ctx -> {
      RegistryAccess.requireRegistryAdmin(ctx);
      replies.json(ctx, RegistryOps.CONFIG_DELETE, new DeleteConfig(null), ConfigRoutes::level);
    });

    router.get("/config/:subject").handler(ctx -> {
      RegistryAccess.require(ctx, Operation.SCHEMA_READ, RegistryParams.subject(ctx));
      replies.json(ctx, RegistryOps.CONFIG_GET,
          new GetConfig(RegistryParams.subject(ctx), RegistryParams.flag(ctx, "defaultToGlobal")),
          ConfigRoutes::level);
    });
    router.put("/config/:subject").handler(ctx -> put(ctx, RegistryParams.subject(ctx)));
    router.delete("/config/:subject").handler(ctx -> {
      RegistryAccess.require(ctx, Operation.SCHEMA_WRITE, RegistryParams.subject(ctx));
      replies.json(ctx, RegistryOps.CONFIG_DELETE, new DeleteConfig(RegistryParams.subject(ctx)),
          ConfigRoutes::level);
    });
  }

  private void put(RoutingContext ctx, String subject) {
    requireChange(ctx, subject);
    ConfigBody body = ConfigBody.of(ctx);
    replies.json(ctx, RegistryOps.CONFIG_PUT, new PutConfig(subject, body.compatibility(),
        body.normalize()), ConfigRoutes::update);
  }

  /** Global changes need admin over every subject, a subject's own need schema-write on it. */
  static void requireChange(RoutingContext ctx, String subject) {
    if (subject == null) {
      RegistryAccess.requireRegistryAdmin(ctx);
    } else {
      RegistryAccess.require(ctx, Operation.SCHEMA_WRITE, subject);
    }
  }

  private static JsonObject level(Level l) {
    JsonObject json = new JsonObject();
    if (l.level() != null) {
      json.put("compatibilityLevel", l.level());
    }
    return l.normalize() == null ? json : json.put("normalize", l.normalize());
  }

  /** A {@code PUT}'s answer echoes what it set, as Confluent's does. */
  private static JsonObject update(Level l) {
    JsonObject json = new JsonObject();
    if (l.level() != null) {
      json.put("compatibility", l.level());
    }
    return l.normalize() == null ? json : json.put("normalize", l.normalize());
  }
}
