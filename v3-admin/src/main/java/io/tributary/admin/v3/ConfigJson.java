package io.tributary.admin.v3;

import io.tributary.core.admin.ConfigSynonymValue;
import io.tributary.core.admin.ConfigValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Config resources: the fields every kind of config shares, then the kind's own (see {@link ConfigKind}). */
final class ConfigJson {
  private ConfigJson() {}

  static JsonObject config(V3Links links, ConfigKind kind, String resource, ConfigValue config) {
    JsonObject json = new JsonObject()
        .put("kind", kind.kind())
        .put("metadata", V3Links.metadata(links.url(kind.configPath(resource, config.name())),
            links.crn(kind.crnPath(resource, config.name()))))
        .put("cluster_id", links.clusterId());
    kind.identify(json, resource);
    json.put("name", config.name());
    // v3 leaves out absent optional values instead of writing null.
    if (config.value() != null) {
      json.put("value", config.value());
    }
    JsonArray synonyms = new JsonArray();
    for (ConfigSynonymValue s : config.synonyms()) {
      JsonObject synonym = new JsonObject().put("name", s.name());
      if (s.value() != null) {
        synonym.put("value", s.value());
      }
      synonyms.add(synonym.put("source", s.source()));
    }
    return json
        .put("is_default", config.isDefault())
        .put("is_read_only", config.readOnly())
        .put("is_sensitive", config.sensitive())
        .put("source", config.source())
        .put("synonyms", synonyms);
  }
}
