package io.tributary.formats.registry.convert;

import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.ResolvedReference;
import io.tributary.formats.schema.SchemaReference;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry schemas parsed with their schema references: the referenced versions (and theirs, transitively) are
 * fetched through the caching client, then the schema is parsed once and kept by id. A schema without references
 * costs no fetch.
 */
final class ReferencedSchemas {
  private final SchemaRegistryClient client;
  private final ParsedSchemaCache schemas;

  ReferencedSchemas(SchemaRegistryClient client, ParsedSchemaCache schemas) {
    this.client = client;
    this.schemas = schemas;
  }

  /** The registry schema, parsed; an {@link InvalidSchemaException} when it or a referenced schema is invalid. */
  Future<ParsedSchema> parsed(RegisteredSchema schema) {
    try {
      Optional<ParsedSchema> known = schemas.cached(schema.id());
      if (known.isPresent()) {
        return Future.succeededFuture(known.get());
      }
      if (schema.references().isEmpty()) {
        return Future.succeededFuture(schemas.of(schema, List.of()));
      }
      Map<String, ResolvedReference> resolved = new LinkedHashMap<>();
      return visitAll(schema.references(), List.of(), resolved)
          .map(done -> schemas.of(schema, List.copyOf(resolved.values())));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Resolves the references one after the other, so that {@code resolved} fills dependencies first. */
  private Future<Void> visitAll(List<SchemaReference> references, List<String> path,
      Map<String, ResolvedReference> resolved) {
    Future<Void> chain = Future.succeededFuture();
    for (SchemaReference reference : references) {
      chain = chain.compose(done -> visit(reference, path, resolved));
    }
    return chain;
  }

  private Future<Void> visit(SchemaReference reference, List<String> path, Map<String, ResolvedReference> resolved) {
    String at = reference.subject() + " version " + reference.version();
    if (path.contains(at)) {
      return Future.failedFuture(new InvalidSchemaException("The schema references form a cycle: "
          + String.join(" -> ", path) + " -> " + at));
    }
    List<String> deeper = new ArrayList<>(path);
    deeper.add(at);
    // -1 is the latest version, which changes: asked as such, so that the client's cache keeps it only briefly.
    Future<SubjectVersion> referenced = reference.version() == -1 ? client.getLatest(reference.subject())
        : client.getVersion(reference.subject(), reference.version());
    return referenced
        .compose(version -> visitAll(version.references(), deeper, resolved).map(done -> {
          resolved.putIfAbsent(reference.name(), new ResolvedReference(reference.name(), version.schema()));
          return null;
        }));
  }
}
