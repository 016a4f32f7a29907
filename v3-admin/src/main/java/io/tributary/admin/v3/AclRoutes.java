package io.tributary.admin.v3;

import io.tributary.core.admin.AclEntry;
import io.tributary.core.admin.CreateAcls;
import io.tributary.core.admin.DeleteAcls;
import io.tributary.core.admin.SearchAcls;
import io.tributary.core.bus.AdminOps;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ACLs: search, create one, create a batch, delete by filter. */
final class AclRoutes {
  private static final String ACLS = "/clusters/:cluster/acls";
  private static final Set<String> BATCH_FIELDS = Set.of("data");

  void mount(V3Router r) {
    r.get(ACLS, Guard.CLUSTER_ADMIN, this::search);
    r.post(ACLS, Guard.CLUSTER_ADMIN, this::create);
    r.post(ACLS + ":batch", Guard.CLUSTER_ADMIN, this::createBatch);
    r.delete(ACLS, Guard.CLUSTER_ADMIN, this::delete);
  }

  private Future<V3Reply> search(V3Call call) {
    AclEntry filter = AclParams.searchFilter(call::query);
    return call.request(AdminOps.ACLS_SEARCH, new SearchAcls(filter))
        .map(found -> V3Reply.ok(CollectionJson.of("KafkaAclList", searchSelf(call, filter),
            found.acls().stream().map(a -> AclJson.acl(call.links(), a)).toList())));
  }

  // The list's self echoes all seven parameters, with what the request left out written as the defaults.
  private static String searchSelf(V3Call call, AclEntry filter) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("resource_type", filter.resourceType());
    query.put("resource_name", filter.resourceName());
    query.put("pattern_type", filter.patternType());
    query.put("principal", filter.principal());
    query.put("host", filter.host());
    query.put("operation", filter.operation());
    query.put("permission", filter.permission());
    return call.links().urlWithQuery(query, "acls");
  }

  /** 201 without a body; Location is the search URL that finds exactly the new ACL. */
  private Future<V3Reply> create(V3Call call) {
    AclEntry acl = AclParams.acl(V3Body.of(call.ctx(), "Null input provided. Data is required.",
        AclParams.FIELDS));
    return call.request(AdminOps.ACLS_CREATE, new CreateAcls(List.of(acl)))
        .map(ack -> new V3Reply(201, null, AclJson.searchUrl(call.links(), acl)));
  }

  /** 204, as kafka-rest's code answers (its OpenAPI document says 201). */
  private Future<V3Reply> createBatch(V3Call call) {
    V3Body body = V3Body.of(call.ctx(), "Request body is empty. Data is required.", BATCH_FIELDS);
    List<AclEntry> acls = new ArrayList<>();
    for (JsonObject entry : body.objects("data")) {
      acls.add(AclParams.acl(V3Body.of(entry, AclParams.FIELDS)));
    }
    return call.request(AdminOps.ACLS_CREATE, new CreateAcls(acls)).map(ack -> V3Reply.noContent());
  }

  private Future<V3Reply> delete(V3Call call) {
    AclEntry filter = AclParams.deleteFilter(call::query);
    return call.request(AdminOps.ACLS_DELETE, new DeleteAcls(filter))
        .map(deleted -> V3Reply.ok(new JsonObject().put("data", new JsonArray(deleted.acls().stream()
            .map(a -> AclJson.acl(call.links(), a)).toList()))));
  }
}
