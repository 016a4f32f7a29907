package io.tributary.formats.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a format's reader/writer question into the registry's levels: BACKWARD asks whether the new schema reads
 * the old data, FORWARD whether the old schemas read the new data, FULL both; the transitive levels ask it of every
 * earlier version instead of the latest only. A change of schema type is always incompatible.
 */
final class CompatibilityCheck {
  private CompatibilityCheck() {}

  static List<String> problems(
      SchemaFormat format, ParsedSchema candidate, List<? extends ParsedSchema> existing, CompatibilityLevel level) {
    if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
      return List.of();
    }
    List<? extends ParsedSchema> against =
        level.transitive() ? existing : existing.subList(existing.size() - 1, existing.size());
    List<String> problems = new ArrayList<>();
    // Newest first, as a user fixing a schema cares about the latest version most.
    for (int i = against.size() - 1; i >= 0; i--) {
      ParsedSchema previous = against.get(i);
      if (previous.type() != candidate.type()) {
        problems.add("Schema type changed from " + previous.type() + " to " + candidate.type());
        continue;
      }
      if (level.backward()) {
        for (String p : format.readProblems(candidate, previous)) {
          problems.add("BACKWARD: " + p);
        }
      }
      if (level.forward()) {
        for (String p : format.readProblems(previous, candidate)) {
          problems.add("FORWARD: " + p);
        }
      }
    }
    return List.copyOf(problems);
  }
}
