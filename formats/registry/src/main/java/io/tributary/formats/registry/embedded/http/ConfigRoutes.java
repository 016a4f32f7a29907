package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.GetConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.Level;
import io.tributary.formats.registry.embedded.RegistryMessages.PutConfig;
import io.tributary.core.auth.Operation;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
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
    RegistryMedia.at(router.get("/config")).handles(call -> replies.json(RegistryOps.CONFIG_GET,
        new GetConfig(null, true), ConfigRoutes::level));
    RegistryMedia.withBody(router.put("/config")).requires(change(false)).handles(call -> put(call.ctx(), null));
    RegistryMedia.at(router.delete("/config")).requires(change(false))
        .handles(call -> replies.json(RegistryOps.CONFIG_DELETE, new DeleteConfig(null), ConfigRoutes::level));

    RegistryMedia.at(router.get("/config/:subject")).requires(SubjectRoutes.on(Operation.SCHEMA_READ))
        .handles(call -> replies.json(RegistryOps.CONFIG_GET,
            new GetConfig(RegistryParams.subject(call.ctx()), RegistryParams.flag(call.ctx(), "defaultToGlobal")),
            ConfigRoutes::level));
    RegistryMedia.withBody(router.put("/config/:subject")).requires(change(true))
        .handles(call -> put(call.ctx(), RegistryParams.subject(call.ctx())));
    RegistryMedia.at(router.delete("/config/:subject")).requires(change(true))
        .handles(call -> replies.json(RegistryOps.CONFIG_DELETE, new DeleteConfig(RegistryParams.subject(call.ctx())),
            ConfigRoutes::level));
  }

  private Future<Reply<Object>> put(RoutingContext ctx, String subject) {
    ConfigBody body = ConfigBody.of(ctx);
    return replies.json(RegistryOps.CONFIG_PUT, new PutConfig(subject, body.compatibility(),
        body.normalize()), ConfigRoutes::update);
  }

  /**
   * Changing the settings: global changes need admin over every subject, a subject's own (the path names one) need
   * schema-write on it.
   */
  static Permission change(boolean ofPathSubject) {
    return ctx -> {
      if (ofPathSubject) {
        RegistryAccess.require(ctx, Operation.SCHEMA_WRITE, RegistryParams.subject(ctx));
      } else {
        RegistryAccess.requireRegistryAdmin(ctx);
      }
    };
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
