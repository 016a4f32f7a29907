package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryErrors;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteMode;
import io.tributary.formats.registry.embedded.RegistryMessages.GetMode;
import io.tributary.formats.registry.embedded.RegistryMessages.Mode;
import io.tributary.formats.registry.embedded.RegistryMessages.PutMode;
import io.tributary.http.JsonBodies;
import io.tributary.core.auth.Operation;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /mode[/{subject}]}: READWRITE, READONLY, READONLY_OVERRIDE or IMPORT, global and per subject. Every
 * answer is {@code {"mode": …}}; a delete answers the mode it removed.
 */
final class ModeRoutes {
  private final RegistryReplies replies;

  ModeRoutes(RegistryReplies replies) {
    this.replies = replies;
  }

  void mount(Router router) {
    router.get("/mode").handler(ctx -> replies.json(ctx, RegistryOps.MODE_GET,
        new GetMode(null, true), ModeRoutes::mode));
    router.put("/mode").handler(ctx -> put(ctx, null));
    router.delete("/mode").handler(ctx -> {
      ConfigRoutes.requireChange(ctx, null);
      replies.json(ctx, RegistryOps.MODE_DELETE, new DeleteMode(null), ModeRoutes::mode);
    });

    router.get("/mode/:subject").handler(ctx -> {
      RegistryAccess.require(ctx, Operation.SCHEMA_READ, RegistryParams.subject(ctx));
      replies.json(ctx, RegistryOps.MODE_GET,
          new GetMode(RegistryParams.subject(ctx), RegistryParams.flag(ctx, "defaultToGlobal")), ModeRoutes::mode);
    });
    router.put("/mode/:subject").handler(ctx -> put(ctx, RegistryParams.subject(ctx)));
    router.delete("/mode/:subject").handler(ctx -> {
      ConfigRoutes.requireChange(ctx, RegistryParams.subject(ctx));
      replies.json(ctx, RegistryOps.MODE_DELETE, new DeleteMode(RegistryParams.subject(ctx)),
          ModeRoutes::mode);
    });
  }

  private void put(RoutingContext ctx, String subject) {
    ConfigRoutes.requireChange(ctx, subject);
    RegistryMedia.requireJsonBody(ctx);
    Object mode = JsonBodies.object(ctx).getValue("mode");
    if (!(mode instanceof String text)) {
      throw RegistryErrors.invalidMode(String.valueOf(mode));
    }
    replies.json(ctx, RegistryOps.MODE_PUT,
        new PutMode(subject, text, RegistryParams.flag(ctx, "force")), ModeRoutes::mode);
  }

  private static JsonObject mode(Mode m) {
    return new JsonObject().put("mode", m.mode());
  }
}
