package io.tributary.http.auth;

import io.tributary.core.config.ConfigException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code auth.api.keys.file} document: {@code api_keys} (read by {@link ApiKeyStore}) and {@code certificates}
 * (read by {@link CertificateSubjects}). Problems are reported naming the setting, never quoting a key.
 */
public final class AccessDocument {
  static final String KEY = "auth.api.keys.file";

  private AccessDocument() {}

  public static JsonObject read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(KEY, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException(KEY, file + " is not a valid API key document");
    }
  }

  /** The named top-level array, or null when absent. */
  static JsonArray array(JsonObject doc, String name) {
    Object value = doc.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw new ConfigException(KEY, "\"" + name + "\" must be an array");
    }
    return array;
  }
}
