package io.tributary.formats.registry.embedded;

import io.tributary.formats.schema.ResolvedReference;
import io.tributary.formats.schema.SchemaReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns a schema's references into the texts its format parses it with: every referenced version, references of
 * references included, each name once, dependencies first. A reference to a version that does not exist, or
 * references that lead back to a version being resolved, are the schema's fault: 42201 with what is wrong.
 */
final class ReferenceResolution {
  /** How deep references may nest; deeper is taken for a cycle no path check caught (it cannot, but be safe). */
  private static final int MAX_DEPTH = 64;

  private final BiFunction<String, Integer, Optional<StoredSchema>> versions;
  private final Map<String, ResolvedReference> resolved = new LinkedHashMap<>();
  private final List<String> path = new ArrayList<>();

  private ReferenceResolution(BiFunction<String, Integer, Optional<StoredSchema>> versions) {
    this.versions = versions;
  }

  /** @param versions the version a reference names ({@link RegistryState#referencedVersion}) */
  static List<ResolvedReference> resolve(List<SchemaReference> references,
      BiFunction<String, Integer, Optional<StoredSchema>> versions) {
    if (references.isEmpty()) {
      return List.of();
    }
    ReferenceResolution resolution = new ReferenceResolution(versions);
    references.forEach(resolution::visit);
    return List.copyOf(resolution.resolved.values());
  }

  private void visit(SchemaReference reference) {
    String at = reference.subject() + " version " + reference.version();
    if (path.contains(at) || path.size() >= MAX_DEPTH) {
      throw RegistryErrors.invalidSchema("Invalid schema: the schema references form a cycle: "
          + String.join(" -> ", path) + " -> " + at);
    }
    StoredSchema target = versions.apply(reference.subject(), reference.version())
        .orElseThrow(() -> RegistryErrors.invalidSchema("Invalid schema: reference '" + reference.name()
            + "' names subject " + reference.subject() + " version " + reference.version()
            + ", which does not exist"));
    path.add(at);
    target.references().forEach(this::visit);
    path.remove(path.size() - 1);
    resolved.putIfAbsent(reference.name(), new ResolvedReference(reference.name(), target.schema()));
  }
}
