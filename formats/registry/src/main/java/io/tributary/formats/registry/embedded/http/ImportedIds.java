package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryErrors;
import io.vertx.core.json.JsonObject;

/**
 * The {@code id} and {@code version} a registration may carry to keep them (IMPORT mode). As in Confluent's
 * registry a negative id or a version below 1 means "none"; anything that is not a whole number is refused rather
 * than ignored, so that an import never silently loses an id.
 */
record ImportedIds(Integer id, Integer version) {

  /** Reads them from the request body (already checked to be a JSON object by the schema body's parser). */
  static ImportedIds of(JsonObject body) {
    Integer id = whole(body.getValue("id"), "id");
    Integer version = whole(body.getValue("version"), "version");
    return new ImportedIds(id == null || id < 0 ? null : id, version == null || version < 1 ? null : version);
  }

  private static Integer whole(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    if ("version".equals(field)) {
      throw RegistryErrors.invalidVersion(String.valueOf(value));
    }
    throw RegistryErrors.invalidSchema("Invalid schema id '" + value + "': an id is a whole number between 0 and"
        + " 2^31-1");
  }
}
