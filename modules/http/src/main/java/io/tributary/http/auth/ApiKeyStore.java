package io.tributary.http.auth;

import io.tributary.core.auth.Grant;
import io.tributary.core.auth.Principal;
import io.tributary.core.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys and what each may do, loaded from the {@code auth.api.keys.file} JSON document. Keys are held only as
 * SHA-256 digests; a presented key is hashed and compared with every entry in constant time, so neither the
 * comparison nor the position of a match reveals anything through timing.
 */
public final class ApiKeyStore {
  private static final String KEY = AccessDocument.KEY;

  private record Entry(byte[] sha256, Principal principal) {}

  private final List<Entry> entries;

  private ApiKeyStore(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static ApiKeyStore load(Path file) {
    return parse(AccessDocument.read(file));
  }

  public static ApiKeyStore parse(JsonObject doc) {
    JsonArray keys = AccessDocument.array(doc, "api_keys");
    if (keys == null && AccessDocument.array(doc, "certificates") == null && AccessDocument.array(doc, "users") == null) {
      throw new ConfigException(KEY, "the document has no \"api_keys\", \"certificates\" or \"users\" array");
    }
    keys = keys == null ? new JsonArray() : keys;
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      JsonObject k = keys.getJsonObject(i);
      String name = k.getString("principal");
      if (name == null || name.isBlank()) {
        throw new ConfigException(KEY, "api_keys[" + i + "] has no principal");
      }
      entries.add(new Entry(digestOf(k, i), Principal.restricted(name, grants(k, i))));
    }
    return new ApiKeyStore(entries);
  }

  /** The principal of a presented key, if it is one of ours. */
  public Optional<Principal> authenticate(String presentedKey) {
    if (presentedKey == null || presentedKey.isEmpty()) {
      return Optional.empty();
    }
    byte[] digest = sha256(presentedKey);
    Principal found = null;
    for (Entry e : entries) {
      // Look at every entry, and compare in constant time, whatever matched earlier.
      if (MessageDigest.isEqual(e.sha256, digest) && found == null) {
        found = e.principal;
      }
    }
    return Optional.ofNullable(found);
  }

  public int size() {
    return entries.size();
  }

  private static byte[] digestOf(JsonObject k, int i) {
    String plain = k.getString("key");
    String hashed = k.getString("key_sha256");
    if ((plain == null) == (hashed == null)) {
      throw new ConfigException(KEY, "api_keys[" + i + "] needs exactly one of \"key\" and \"key_sha256\"");
    }
    if (plain != null) {
      return sha256(plain);
    }
    try {
      byte[] bytes = HexFormat.of().parseHex(hashed.trim());
      if (bytes.length != 32) {
        throw new IllegalArgumentException();
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(KEY, "api_keys[" + i + "].key_sha256 is not 64 hex digits");
    }
  }

  private static List<Grant> grants(JsonObject k, int i) {
    try {
      return Grants.parse(k.getValue("permissions"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(KEY, "api_keys[" + i + "] has an invalid permission: " + e.getMessage());
    }
  }

  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
