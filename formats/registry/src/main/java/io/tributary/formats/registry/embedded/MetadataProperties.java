package io.tributary.formats.registry.embedded;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The {@code properties} of a version's stored {@code metadata}, for {@code GET /subjects/{s}/metadata}. */
final class MetadataProperties {
  private MetadataProperties() {}

  /**
   * Whether the metadata (its encoded JSON, null when the version has none) has a {@code properties} object holding
   * every wanted key with that value. Metadata without properties holds nothing, not even an empty wish list.
   */
  static boolean holdAll(String metadata, Map<String, String> wanted) {
    if (metadata == null) {
      return false;
    }
    JsonObject properties;
    try {
      properties = new JsonObject(metadata).getJsonObject("properties");
    } catch (DecodeException | ClassCastException e) {
      return false;
    }
    if (properties == null) {
      return false;
    }
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      Object value = properties.getValue(e.getKey());
      if (value == null || !String.valueOf(value).equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }
}
