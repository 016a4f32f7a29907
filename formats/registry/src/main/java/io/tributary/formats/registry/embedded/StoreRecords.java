package io.tributary.formats.registry.embedded;

import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of the {@code _schemas} topic, laid out as Confluent's registry lays them out (JSON keys with a fixed
 * property order, JSON values, a null value deletes the key), so that either registry can read the other's topic.
 * Keys must serialise to the same bytes every time: compaction matches keys byte for byte.
 */
final class StoreRecords {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRecords.class);

  private StoreRecords() {}

  static byte[] schemaKey(String subject, int version) {
    return bytes(new JsonObject().put("keytype", "SCHEMA").put("subject", subject).put("version", version)
        .put("magic", 1));
  }

  static byte[] schemaValue(StoredSchema s) {
    JsonObject value = new JsonObject().put("subject", s.subject()).put("version", s.version()).put("id", s.id())
        .put("schemaType", s.type().wireName()).put("schema", s.schema()).put("deleted", s.deleted());
    // Left out when absent, so that a version without them is written as before.
    if (s.extras().metadata() != null) {
      value.put("metadata", json(s.extras().metadata()));
    }
    if (s.extras().ruleSet() != null) {
      value.put("ruleSet", json(s.extras().ruleSet()));
    }
    if (!s.references().isEmpty()) {
      value.put("references", SchemaReferences.toJson(s.references()));
    }
    return bytes(value);
  }

  /** The key of a subject's compatibility setting, or of the global one when {@code subject} is null. */
  static byte[] configKey(String subject) {
    JsonObject key = new JsonObject().put("keytype", "CONFIG");
    key.put("subject", subject);
    return bytes(key.put("magic", 0));
  }

  static byte[] configValue(CompatibilityLevel level) {
    return bytes(new JsonObject().put("compatibilityLevel", level.name()));
  }

  /** A config with either setting possibly absent (null), written as Confluent writes it. */
  static byte[] configValue(CompatibilityLevel level, Boolean normalize) {
    JsonObject value = new JsonObject();
    if (level != null) {
      value.put("compatibilityLevel", level.name());
    }
    if (normalize != null) {
      value.put("normalize", normalize);
    }
    return bytes(value);
  }

  /** The key of a subject's mode, or of the global one when {@code subject} is null (Confluent's layout). */
  static byte[] modeKey(String subject) {
    JsonObject key = new JsonObject().put("keytype", "MODE");
    key.put("subject", subject);
    return bytes(key.put("magic", 0));
  }

  static byte[] modeValue(String subject, RegistryMode mode) {
    JsonObject value = new JsonObject();
    if (subject != null) {
      value.put("subject", subject);
    }
    return bytes(value.put("mode", mode.name()));
  }

  /** Applies one consumed record to the state; records this registry does not understand are skipped. */
  static void apply(RegistryState state, byte[] keyBytes, byte[] valueBytes, long offset) {
    JsonObject key = object(keyBytes);
    if (key == null) {
      LOG.warn("Skipping schema store record at offset {}: its key is not a JSON object", offset);
      return;
    }
    JsonObject value = valueBytes == null ? null : object(valueBytes);
    if (valueBytes != null && value == null) {
      LOG.warn("Skipping schema store record at offset {}: its value is not a JSON object", offset);
      return;
    }
    String keytype = key.getString("keytype", "");
    try {
      switch (keytype) {
        case "SCHEMA" -> applySchema(state, key, value);
        case "CONFIG" -> applyConfig(state, key, value);
        case "MODE" -> applyMode(state, key, value, offset);
        case "DELETE_SUBJECT" -> {
          if (value != null) {
            state.softDeleteUpTo(value.getString("subject"), value.getInteger("version"));
          }
        }
        default -> LOG.debug("Ignoring schema store record of type '{}' at offset {}", keytype, offset);
      }
    } catch (ClassCastException | NullPointerException e) {
      LOG.warn("Skipping malformed {} record at offset {} of the schema store", keytype, offset);
    }
  }

  private static void applySchema(RegistryState state, JsonObject key, JsonObject value) {
    String subject = key.getString("subject");
    int version = key.getInteger("version");
    if (value == null) {
      state.remove(subject, version);
      return;
    }
    SchemaType type = SchemaType.parse(value.getString("schemaType")).orElse(null);
    if (type == null) {
      LOG.warn("Skipping schema {} version {}: unknown schemaType {}", subject, version,
          value.getString("schemaType"));
      return;
    }
    state.put(new StoredSchema(subject, version, value.getInteger("id"), type, value.getString("schema"),
        value.getBoolean("deleted", false), new SchemaExtras(encoded(value.getJsonObject("metadata")),
            encoded(value.getJsonObject("ruleSet"))), SchemaReferences.fromJson(value.getValue("references"))));
  }

  private static void applyConfig(RegistryState state, JsonObject key, JsonObject value) {
    String subject = key.getString("subject");
    // A config record replaces the whole config: a setting it leaves out is no longer set.
    state.removeConfig(subject);
    state.setNormalize(subject, null);
    if (value == null) {
      return;
    }
    CompatibilityLevel.parse(value.getString("compatibilityLevel")).ifPresent(l -> state.setConfig(subject, l));
    if (value.getValue("normalize") instanceof Boolean normalize) {
      state.setNormalize(subject, normalize);
    }
  }

  private static void applyMode(RegistryState state, JsonObject key, JsonObject value, long offset) {
    String subject = key.getString("subject");
    if (value == null) {
      state.setMode(subject, null);
      return;
    }
    RegistryMode mode = RegistryMode.parse(value.getString("mode")).orElse(null);
    if (mode == null) {
      LOG.warn("Skipping mode record at offset {}: unknown mode {}", offset, value.getString("mode"));
      return;
    }
    state.setMode(subject, mode);
  }

  /** Extras are kept as the client's encoded text; in the record they are JSON objects, as Confluent writes them. */
  private static JsonObject json(String encoded) {
    return encoded == null ? null : new JsonObject(encoded);
  }

  private static String encoded(JsonObject object) {
    return object == null ? null : object.encode();
  }

  private static JsonObject object(byte[] bytes) {
    try {
      Object decoded = Json.decodeValue(Buffer.buffer(bytes));
      return decoded instanceof JsonObject o ? o : null;
    } catch (DecodeException e) {
      return null;
    }
  }

  private static byte[] bytes(JsonObject json) {
    return json.encode().getBytes(StandardCharsets.UTF_8);
  }
}
