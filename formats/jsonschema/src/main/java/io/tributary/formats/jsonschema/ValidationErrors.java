package io.tributary.formats.jsonschema;

import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a validator's output into a short message: the innermost errors, each with where in the instance. */
final class ValidationErrors {
  private static final int MAX_SHOWN = 3;

  private ValidationErrors() {}

  static String describe(OutputUnit result) {
    List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
    if (errors.isEmpty()) {
      return result.getError() != null ? result.getError() : "the instance is not valid";
    }
    // Outer errors ("A subschema had errors") only repeat inner ones; keep the leaves.
    List<OutputUnit> leaves = new ArrayList<>();
    for (OutputUnit e : errors) {
      String location = e.getKeywordLocation();
      boolean hasDeeper = location != null && errors.stream().anyMatch(other -> other != e
          && other.getKeywordLocation() != null && other.getKeywordLocation().startsWith(location + "/"));
      if (!hasDeeper) {
        leaves.add(e);
      }
    }
    return leaves.stream().limit(MAX_SHOWN)
        .map(e -> e.getInstanceLocation() + ": " + e.getError())
        .collect(Collectors.joining("; "));
  }
}
