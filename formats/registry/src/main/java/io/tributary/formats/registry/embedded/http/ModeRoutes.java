package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryErrors;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteMode;
import io.tributary.formats.registry.embedded.RegistryMessages.GetMode;
import io.tributary.formats.registry.embedded.RegistryMessages.Mode;
import io.tributary.formats.registry.embedded.RegistryMessages.PutMode;
import io.tributary.http.JsonBodies;
import io.tributary.core.auth.Operation;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
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
    RegistryMedia.at(router.get("/mode")).handles(call -> replies.json(RegistryOps.MODE_GET,
        new GetMode(null, true), ModeRoutes::mode));
    RegistryMedia.withBody(router.put("/mode")).requires(ConfigRoutes.change(false))
        .handles(call -> put(call.ctx(), null));
    RegistryMedia.at(router.delete("/mode")).requires(ConfigRoutes.change(false))
        .handles(call -> replies.json(RegistryOps.MODE_DELETE, new DeleteMode(null), ModeRoutes::mode));

    RegistryMedia.at(router.get("/mode/:subject")).requires(SubjectRoutes.on(Operation.SCHEMA_READ))
        .handles(call -> replies.json(RegistryOps.MODE_GET,
            new GetMode(RegistryParams.subject(call.ctx()), RegistryParams.flag(call.ctx(), "defaultToGlobal")),
            ModeRoutes::mode));
    RegistryMedia.withBody(router.put("/mode/:subject")).requires(ConfigRoutes.change(true))
        .handles(call -> put(call.ctx(), RegistryParams.subject(call.ctx())));
    RegistryMedia.at(router.delete("/mode/:subject")).requires(ConfigRoutes.change(true))
        .handles(call -> replies.json(RegistryOps.MODE_DELETE, new DeleteMode(RegistryParams.subject(call.ctx())),
            ModeRoutes::mode));
  }

  private Future<Reply<Object>> put(RoutingContext ctx, String subject) {
    Object mode = JsonBodies.object(ctx).getValue("mode");
    if (!(mode instanceof String text)) {
      throw RegistryErrors.invalidMode(String.valueOf(mode));
    }
    return replies.json(RegistryOps.MODE_PUT,
        new PutMode(subject, text, RegistryParams.flag(ctx, "force")), ModeRoutes::mode);
  }

  private static JsonObject mode(Mode m) {
    return new JsonObject().put("mode", m.mode());
  }
}
