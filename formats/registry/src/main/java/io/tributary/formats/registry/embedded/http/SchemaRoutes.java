package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages.GetSchema;
import io.tributary.formats.registry.embedded.RegistryMessages.GetSchemaUsages;
import io.tributary.formats.registry.embedded.RegistryMessages.ListSchemas;
import io.tributary.formats.schema.SchemaType;
import io.tributary.core.auth.Principal;
import io.tributary.http.auth.Access;
import io.tributary.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Consumer;
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
    router.get("/schemas").handler(ctx -> replies.json(ctx, RegistryOps.SCHEMAS_LIST,
        new ListSchemas(RegistryParams.withoutDefaultContext(ctx.request().getParam("subjectPrefix")),
            RegistryParams.flag(ctx, "deleted"), RegistryParams.flag(ctx, "latestOnly"),
            Paging.whole(ctx, "offset", 0), Paging.whole(ctx, "limit", -1)),
        l -> l.versions().stream().filter(v -> RegistryAccess.mayRead(ctx, v.version().subject()))
            .map(RegistryReplies::version).toList()));

    router.get("/schemas/types").handler(ctx -> Responses.json(ctx, 200, RegistryMedia.responseType(ctx), types));

    router.get("/schemas/ids/:id").handler(ctx -> whenReadable(ctx, () -> replies.json(ctx,
        RegistryOps.SCHEMA_BY_ID, new GetSchema(RegistryParams.id(ctx), RegistryParams.format(ctx)),
        RegistryReplies::schema)));

    router.get("/schemas/ids/:id/schema").handler(ctx -> whenReadable(ctx, () -> replies.raw(ctx,
        RegistryOps.SCHEMA_BY_ID, new GetSchema(RegistryParams.id(ctx), RegistryParams.format(ctx)),
        s -> s.schema().schema())));

    router.get("/schemas/ids/:id/versions").handler(ctx -> whenReadable(ctx, Paging.of(ctx), paging -> replies.json(ctx, RegistryOps.SCHEMA_USAGES, usages(ctx),
        u -> paging.page(u.usages().stream().filter(r -> RegistryAccess.mayRead(ctx, r.subject()))
            .map(r -> new JsonObject().put("subject", r.subject()).put("version", r.version())).toList()))));

    router.get("/schemas/ids/:id/subjects").handler(ctx -> whenReadable(ctx, Paging.of(ctx), paging -> replies.json(ctx, RegistryOps.SCHEMA_USAGES, usages(ctx),
        u -> paging.page(u.usages().stream().map(r -> r.subject()).filter(s -> RegistryAccess.mayRead(ctx, s))
            .distinct().toList()))));
  }

  /**
   * Runs {@code answer} when the principal may read at least one subject that uses (or used) the schema id: an id
   * alone names no subject, and deserializers only know the id. 403 otherwise; an unknown id stays 404.
   */
  /** {@link #whenReadable(RoutingContext, Runnable)} with the request's paging, read before anything is asked. */
  private void whenReadable(RoutingContext ctx, Paging paging, Consumer<Paging> answer) {
    whenReadable(ctx, () -> answer.accept(paging));
  }

  private void whenReadable(RoutingContext ctx, Runnable answer) {
    Principal p = Access.principal(ctx);
    if (p.unrestricted()) {
      answer.run();
      return;
    }
    replies.ask(RegistryOps.SCHEMA_USAGES,
        new GetSchemaUsages(RegistryParams.id(ctx), true)).onComplete(ar -> {
          try {
            if (ar.failed()) {
              ctx.fail(ar.cause());
            } else if (ar.result().usages().stream().anyMatch(r -> RegistryAccess.mayRead(ctx, r.subject()))) {
              answer.run();
            } else {
              ctx.fail(RegistryAccess.denied(ctx, p, "read schema " + RegistryParams.id(ctx)));
            }
          } catch (RuntimeException e) {
            ctx.fail(e);
          }
        });
  }

  private static GetSchemaUsages usages(RoutingContext ctx) {
    return new GetSchemaUsages(RegistryParams.id(ctx), RegistryParams.flag(ctx, "deleted"));
  }
}
