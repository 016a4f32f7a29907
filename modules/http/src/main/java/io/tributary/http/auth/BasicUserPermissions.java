package io.tributary.http.auth;

import io.tributary.core.auth.Grant;
import io.tributary.core.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code users} array of the {@code auth.api.keys.file} document: narrower permissions for users of
 * {@code authentication.method=BASIC}, {@code {"user":"alice","permissions":[…]}}. A user not listed has every
 * permission, as in Confluent's proxy.
 */
public final class BasicUserPermissions {
  private BasicUserPermissions() {}

  public static Map<String, List<Grant>> parse(JsonObject doc) {
    JsonArray entries = AccessDocument.array(doc, "users");
    Map<String, List<Grant>> byUser = new HashMap<>();
    for (int i = 0; entries != null && i < entries.size(); i++) {
      String where = "users[" + i + "]";
      if (!(entries.getValue(i) instanceof JsonObject entry)) {
        throw new ConfigException(AccessDocument.KEY, where + " must be an object with user and permissions");
      }
      String user = entry.getValue("user") instanceof String s ? s : "";
      if (user.isBlank()) {
        throw new ConfigException(AccessDocument.KEY, where + " has no user");
      }
      try {
        if (byUser.put(user, Grants.parse(entry.getValue("permissions"))) != null) {
          throw new ConfigException(AccessDocument.KEY, where + " repeats the user " + user);
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(AccessDocument.KEY, where + " has an invalid permission: " + e.getMessage());
      }
    }
    return byUser;
  }
}
