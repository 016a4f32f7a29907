package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteSubject;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.GetReferencedBy;
import io.tributary.formats.registry.embedded.RegistryMessages.GetVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.SchemaIds;
import io.tributary.formats.registry.embedded.RegistryMessages.ListSubjects;
import io.tributary.formats.registry.embedded.RegistryMessages.ListVersions;
import io.tributary.formats.registry.embedded.RegistryMessages.Lookup;
import io.tributary.formats.registry.embedded.RegistryMessages.DeletedVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.VersionList;
import io.tributary.formats.registry.embedded.RegistryMessages.Register;
import io.tributary.core.auth.Operation;
import io.tributary.http.JsonBodies;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Renderer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /subjects…}: listing, registering, looking up, reading and deleting versions. */
final class SubjectRoutes {
  /** Deleting the path's subject or a version of it: admin for a permanent delete, else schema-write. */
  private static final Permission DELETE = ctx -> RegistryAccess.requireDelete(ctx, RegistryParams.subject(ctx));

  private final RegistryReplies replies;

  SubjectRoutes(RegistryReplies replies) {
    this.replies = replies;
  }

  void mount(Router router) {
    // Listings show only the subjects the principal may read.
    RegistryMedia.at(router.get("/subjects")).handles(call -> {
      RoutingContext ctx = call.ctx();
      Paging paging = Paging.of(ctx);
      return replies.json(RegistryOps.SUBJECTS_LIST,
          new ListSubjects(RegistryParams.withoutDefaultContext(ctx.request().getParam("subjectPrefix")),
              RegistryParams.flag(ctx, "deleted"), RegistryParams.flag(ctx, "deletedOnly")),
          l -> paging.page(l.names().stream().filter(name -> RegistryAccess.mayRead(ctx, name)).toList()));
    });

    RegistryMedia.withBody(router.post("/subjects/:subject")).requires(on(Operation.SCHEMA_READ)).handles(call -> {
      RoutingContext ctx = call.ctx();
      RegistryParams.SchemaBody body = RegistryParams.schemaBody(ctx);
      return replies.json(RegistryOps.LOOKUP, new Lookup(RegistryParams.subject(ctx),
          body.schemaType(), body.schema(), RegistryParams.flag(ctx, "deleted"), RegistryParams.format(ctx),
          ExtrasParams.of(JsonBodies.object(ctx)), RegistryParams.flag(ctx, "normalize"), body.references()),
          RegistryReplies::version);
    });

    RegistryMedia.at(router.delete("/subjects/:subject")).requires(DELETE).handles(call -> replies.json(
        RegistryOps.SUBJECT_DELETE, new DeleteSubject(RegistryParams.subject(call.ctx()),
            RegistryParams.flag(call.ctx(), "permanent")), VersionList::numbers));

    RegistryMedia.at(router.get("/subjects/:subject/versions")).requires(on(Operation.SCHEMA_READ)).handles(call -> {
      RoutingContext ctx = call.ctx();
      Paging paging = Paging.of(ctx);
      return replies.json(RegistryOps.VERSIONS_LIST,
          new ListVersions(RegistryParams.subject(ctx), RegistryParams.flag(ctx, "deleted"),
              RegistryParams.flag(ctx, "deletedOnly"), RegistryParams.flag(ctx, "deletedAsNegative")),
          v -> paging.page(v.numbers()));
    });

    RegistryMedia.withBody(router.post("/subjects/:subject/versions")).requires(on(Operation.SCHEMA_WRITE))
        .handles(call -> {
          RoutingContext ctx = call.ctx();
          RegistryParams.SchemaBody body = RegistryParams.schemaBody(ctx);
          JsonObject json = JsonBodies.object(ctx);
          ImportedIds ids = ImportedIds.of(json);
          return replies.json(RegistryOps.REGISTER, new Register(RegistryParams.subject(ctx),
              body.schemaType(), body.schema(), body.references(), ids.id(), ids.version(), ExtrasParams.of(json),
              RegistryParams.flag(ctx, "normalize")),
              r -> new JsonObject().put("id", r.id()));
        });

    RegistryMedia.at(router.get("/subjects/:subject/versions/:version")).requires(on(Operation.SCHEMA_READ))
        .handles(call -> replies.json(RegistryOps.VERSION_GET, getVersion(call.ctx()), RegistryReplies::version));

    RegistryMedia.at(router.get("/subjects/:subject/versions/:version/schema")).requires(on(Operation.SCHEMA_READ))
        .renders(Renderer.bytes())
        .handles(call -> replies.raw(RegistryOps.VERSION_GET, getVersion(call.ctx()), v -> v.version().schema()));

    RegistryMedia.at(router.get("/subjects/:subject/versions/:version/referencedby"))
        .requires(on(Operation.SCHEMA_READ))
        .handles(call -> replies.json(RegistryOps.REFERENCED_BY,
            new GetReferencedBy(RegistryParams.subject(call.ctx()), RegistryParams.version(call.ctx())),
            SchemaIds::ids));

    RegistryMedia.at(router.delete("/subjects/:subject/versions/:version")).requires(DELETE)
        .handles(call -> replies.json(RegistryOps.VERSION_DELETE, new DeleteVersion(
            RegistryParams.subject(call.ctx()), RegistryParams.version(call.ctx()),
            RegistryParams.flag(call.ctx(), "permanent")), DeletedVersion::value));
  }

  /** {@code operation} on the path's subject. */
  static Permission on(Operation operation) {
    return ctx -> RegistryAccess.require(ctx, operation, RegistryParams.subject(ctx));
  }

  private static GetVersion getVersion(RoutingContext ctx) {
    return new GetVersion(RegistryParams.subject(ctx), RegistryParams.version(ctx),
        RegistryParams.flag(ctx, "deleted"), RegistryParams.format(ctx));
  }
}
