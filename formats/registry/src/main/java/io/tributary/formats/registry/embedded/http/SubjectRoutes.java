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
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /subjects…}: listing, registering, looking up, reading and deleting versions. */
final class SubjectRoutes {
  private final RegistryReplies replies;

  SubjectRoutes(RegistryReplies replies) {
    this.replies = replies;
  }

  void mount(Router router) {
    router.get("/subjects").handler(ctx -> {
      Paging paging = Paging.of(ctx);
      replies.json(ctx, RegistryOps.SUBJECTS_LIST,
          new ListSubjects(RegistryParams.withoutDefaultContext(ctx.request().getParam("subjectPrefix")),
              RegistryParams.flag(ctx, "deleted"), RegistryParams.flag(ctx, "deletedOnly")),
          l -> paging.page(l.names().stream().filter(name -> RegistryAccess.mayRead(ctx, name)).toList()));
    });

    router.post("/subjects/:subject").handler(ctx -> {
      RegistryAccess.require(ctx, Operation.SCHEMA_READ, RegistryParams.subject(ctx));
      RegistryParams.SchemaBody body = RegistryParams.schemaBody(ctx);
      replies.json(ctx, RegistryOps.LOOKUP, new Lookup(RegistryParams.subject(ctx),
          body.schemaType(), body.schema(), RegistryParams.flag(ctx, "deleted"), RegistryParams.format(ctx),
          ExtrasParams.of(JsonBodies.object(ctx)), RegistryParams.flag(ctx, "normalize"), body.references()),
          RegistryReplies::version);
    });

    router.delete("/subjects/:subject").handler(ctx -> {
      RegistryAccess.requireDelete(ctx, RegistryParams.subject(ctx));
      replies.json(ctx, RegistryOps.SUBJECT_DELETE,
          new DeleteSubject(RegistryParams.subject(ctx), RegistryParams.flag(ctx, "permanent")), VersionList::numbers);
    });

    router.get("/subjects/:subject/versions").handler(ctx -> {
      RegistryAccess.require(ctx, Operation.SCHEMA_READ, RegistryParams.subject(ctx));
      Paging paging = Paging.of(ctx);
      replies.json(ctx, RegistryOps.VERSIONS_LIST,
          new ListVersions(RegistryParams.subject(ctx), RegistryParams.flag(ctx, "deleted"),
              RegistryParams.flag(ctx, "deletedOnly"), RegistryParams.flag(ctx, "deletedAsNegative")),
          v -> paging.page(v.numbers()));
    });

    router.post("/subjects/:subject/versions").handler(ctx -> {
      RegistryAccess.require(ctx, Operation.SCHEMA_WRITE, RegistryParams.subject(ctx));
      RegistryParams.SchemaBody body = RegistryParams.schemaBody(ctx);
      JsonObject json = JsonBodies.object(ctx);
      ImportedIds ids = ImportedIds.of(json);
      replies.json(ctx, RegistryOps.REGISTER, new Register(RegistryParams.subject(ctx),
          body.schemaType(), body.schema(), body.references(), ids.id(), ids.version(), ExtrasParams.of(json),
          RegistryParams.flag(ctx, "normalize")),
          r -> new JsonObject().put("id", r.id()));
    });

    router.get("/subjects/:subject/versions/:version").handler(ctx -> replies.json(ctx,
        RegistryOps.VERSION_GET, getVersion(ctx), RegistryReplies::version));

    router.get("/subjects/:subject/versions/:version/schema").handler(ctx -> replies.raw(ctx,
        RegistryOps.VERSION_GET, getVersion(ctx), v -> v.version().schema()));

    router.get("/subjects/:subject/versions/:version/referencedby").handler(ctx -> {
      RegistryAccess.require(ctx, Operation.SCHEMA_READ, RegistryParams.subject(ctx));
      replies.json(ctx, RegistryOps.REFERENCED_BY,
          new GetReferencedBy(RegistryParams.subject(ctx), RegistryParams.version(ctx)), SchemaIds::ids);
    });

    router.delete("/subjects/:subject/versions/:version").handler(ctx -> {
      RegistryAccess.requireDelete(ctx, RegistryParams.subject(ctx));
      replies.json(ctx, RegistryOps.VERSION_DELETE, new DeleteVersion(
          RegistryParams.subject(ctx), RegistryParams.version(ctx), RegistryParams.flag(ctx, "permanent")),
          DeletedVersion::value);
    });
  }

  private static GetVersion getVersion(RoutingContext ctx) {
    RegistryAccess.require(ctx, Operation.SCHEMA_READ, RegistryParams.subject(ctx));
    return new GetVersion(RegistryParams.subject(ctx), RegistryParams.version(ctx),
        RegistryParams.flag(ctx, "deleted"), RegistryParams.format(ctx));
  }
}
