package io.tributary.admin.v3;

import io.tributary.core.admin.AclEntry;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * KafkaAcl resources. ACLs have no CRN; their {@code self} is the search URL that finds exactly them, with all seven
 * query parameters (also the {@code Location} of a created ACL).
 */
final class AclJson {
  private AclJson() {}

  static JsonObject acl(V3Links links, AclEntry acl) {
    return new JsonObject()
        .put("kind", "KafkaAcl")
        .put("metadata", V3Links.metadata(searchUrl(links, acl), null))
        .put("cluster_id", links.clusterId())
        .put("resource_type", acl.resourceType())
        .put("resource_name", acl.resourceName())
        .put("pattern_type", acl.patternType())
        .put("principal", acl.principal())
        .put("host", acl.host())
        .put("operation", acl.operation())
        .put("permission", acl.permission());
  }

  /** {@code …/acls?resource_type=…&resource_name=…&…}; null string parts are written empty. */
  static String searchUrl(V3Links links, AclEntry acl) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("resource_type", acl.resourceType());
    query.put("resource_name", acl.resourceName());
    query.put("pattern_type", acl.patternType());
    query.put("principal", acl.principal());
    query.put("host", acl.host());
    query.put("operation", acl.operation());
    query.put("permission", acl.permission());
    return links.urlWithQuery(query, "acls");
  }
}
