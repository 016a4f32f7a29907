package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages.GetSchema;
import io.tributary.formats.registry.embedded.RegistryMessages.GetSchemaUsages;
import io.tributary.formats.registry.embedded.RegistryMessages.ListSchemas;
import io.tributary.formats.schema.SchemaType;
import io.tributary.core.auth.Principal;
import io.tributary.http.auth.Access;
import io.tributary.http.route.Renderer;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;

/** {@code /schemas…}: schemas by id, where an id is used, and the schema types this registry accepts. */
final class SchemaRoutes {
  private final RegistryReplies replies;
  private final List<String> types;

  /** @param types the schema types the server was built with */
  SchemaRoutes(RegistryReplies replies, Set<SchemaType> types) {
    this.replies = replies;
    // The original lists them in this order.
    this.types = List.of(SchemaType.JSON, SchemaType.PROTOBUF, SchemaType.AVRO).stream().filter(types::contains)
        .map(SchemaType::wireName).toList();
  }

  void mount(Router router) {
    // Listings show only what the principal may read.
    RegistryMedia.at(router.get("/schemas")).handles(call -> {
      RoutingContext ctx = call.ctx();
      return replies.json(RegistryOps.SCHEMAS_LIST,
          new ListSchemas(RegistryParams.withoutDefaultContext(ctx.request().getParam("subjectPrefix")),
              RegistryParams.flag(ctx, "deleted"), RegistryParams.flag(ctx, "latestOnly"),
              Paging.whole(ctx, "offset", 0), Paging.whole(ctx, "limit", -1)),
          l -> l.versions().stream().filter(v -> RegistryAccess.mayRead(ctx, v.version().subject()))
              .map(RegistryReplies::version).toList());
    });

    RegistryMedia.at(router.get("/schemas/types")).handles(call -> Future.succeededFuture(Reply.ok(types)));

    RegistryMedia.at(router.get("/schemas/ids/:id")).handles(call -> whenReadable(call.ctx(), () -> replies.json(
        RegistryOps.SCHEMA_BY_ID, new GetSchema(RegistryParams.id(call.ctx()), RegistryParams.format(call.ctx())),
        RegistryReplies::schema)));

    RegistryMedia.at(router.get("/schemas/ids/:id/schema")).renders(Renderer.bytes())
        .handles(call -> whenReadable(call.ctx(), () -> replies.raw(RegistryOps.SCHEMA_BY_ID,
            new GetSchema(RegistryParams.id(call.ctx()), RegistryParams.format(call.ctx())),
            s -> s.schema().schema())));

    RegistryMedia.at(router.get("/schemas/ids/:id/versions")).handles(call -> {
      RoutingContext ctx = call.ctx();
      Paging paging = Paging.of(ctx);
      return whenReadable(ctx, () -> replies.json(RegistryOps.SCHEMA_USAGES, usages(ctx),
          u -> paging.page(u.usages().stream().filter(r -> RegistryAccess.mayRead(ctx, r.subject()))
              .map(r -> new JsonObject().put("subject", r.subject()).put("version", r.version())).toList())));
    });

    RegistryMedia.at(router.get("/schemas/ids/:id/subjects")).handles(call -> {
      RoutingContext ctx = call.ctx();
      Paging paging = Paging.of(ctx);
      return whenReadable(ctx, () -> replies.json(RegistryOps.SCHEMA_USAGES, usages(ctx),
          u -> paging.page(u.usages().stream().map(r -> r.subject()).filter(s -> RegistryAccess.mayRead(ctx, s))
              .distinct().toList())));
    });
  }

  /**
   * Asks {@code answer} when the principal may read at least one subject that uses (or used) the schema id: an id
   * alone names no subject, and deserializers only know the id. 403 otherwise; an unknown id stays 404.
   */
  private <B> Future<Reply<B>> whenReadable(RoutingContext ctx, Supplier<Future<Reply<B>>> answer) {
    Principal p = Access.principal(ctx);
    if (p.unrestricted()) {
      return answer.get();
    }
    return replies.ask(RegistryOps.SCHEMA_USAGES, new GetSchemaUsages(RegistryParams.id(ctx), true))
        .compose(usages -> {
          if (usages.usages().stream().anyMatch(r -> RegistryAccess.mayRead(ctx, r.subject()))) {
            return answer.get();
          }
          return Future.failedFuture(RegistryAccess.denied(ctx, p, "read schema " + RegistryParams.id(ctx)));
        });
  }

  private static GetSchemaUsages usages(RoutingContext ctx) {
    return new GetSchemaUsages(RegistryParams.id(ctx), RegistryParams.flag(ctx, "deleted"));
  }
}
